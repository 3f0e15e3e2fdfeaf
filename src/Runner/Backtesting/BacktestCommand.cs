using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Backtesting;

/// <summary>The <c>stemsim backtest</c> command: options and help.</summary>
internal sealed class BacktestCommand(BacktestService backtests, CouncilBacktesting.CouncilBacktestService councilBacktests, ConcernedPartyBacktestService concernedParty, AnalogSpreadBacktestService analogSpreads, EvidenceBacktestService evidenceBacktests) : ICliCommand
{
    public Command Build()
    {
        var data = new Option<string>("--data") { Description = "The shared UN data folder (../shared/data/un).", Required = true };
        var trainUntil = new Option<int>("--train-until") { Description = "Last training year for the first test year; each later test year trains one year more.", Required = true };
        var testFrom = new Option<int>("--test-from") { Description = "First test year (1945 + session).", Required = true };
        var testTo = new Option<int>("--test-to") { Description = "Last test year.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Output folder for backtest.parquet (required unless --concerned-party)." };
        var concerned = new Option<bool>("--concerned-party") { Description = "Fit the concerned-party effect on the labelled Assembly roll calls of --train-from to --train-until and score it on --test-from to --test-to (prints a table, writes nothing)." };
        var trainFrom = new Option<int?>("--train-from") { Description = "First training year of --concerned-party (default 1990) and of --analog-kinds' calibrations (default: the data's first year)." };
        var protocols = new Option<string[]>("--protocols") { Description = "recurring, new or both (default both).", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the revealed votes and the count simulations (default 1)." };
        var trials = new Option<int?>("--trials") { Description = "Simulated trials per roll call (default 2000)." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it." };
        var analogKinds = new Option<bool>("--analog-kinds") { Description = "Measure the analog spread per kind of analog (repeat, same_subject, same_issue): choose it on --test-from to --choose-to, report the later test years (docs/calibration.md)." };
        var chooseTo = new Option<int?>("--choose-to") { Description = "With --analog-kinds: last year whose roll calls choose the spreads (required)." };
        var originEvery = new Option<int?>("--origin-every") { Description = "With --analog-kinds: years between calibrations (default 2; positions carried forward by the random walk)." };
        var embeddedShocks = new Option<bool>("--embedded-shocks") { Description = "With --analog-kinds: every year takes the embedded calibration's shock sizes (as a scenario's 'shocks: calibrated') instead of its origin's." };
        var reveal = new Option<string[]>("--reveal") { Description = "The conditioning backtest of 'given': ISO3 codes (e.g. USA CHN) whose recorded vote is revealed, one at a time, on the 'new' protocol's roll calls; the others are scored with it given, fixed and unknown (protocol reveal_CODE).", AllowMultipleArgumentsPerToken = true };
        var evidence = new Option<string>("--evidence") { Description = "The evidence backtest: a calibration table ending before --test-from (the evidence year); repeats of --test-from's resolutions in --test-to are forecast without evidence, with the evidence year's roll call as members' votes and as totals only (docs/calibration.md)." };
        var body = new Option<string>("--body") { Description = "GA (default): Assembly roll calls; SC: Council drafts with the Council record model (docs/council-model.md)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var command = new Command("backtest", """
            Rolling-origin backtest on roll calls the calibration has not seen: for each test year, calibrate on the
            years before it, forecast the test year's roll calls (protocols 'recurring' and 'new') with the model and
            its baselines, and write OUTDIR/backtest.parquet (protocol, model, metric, value, test_year).

            Example:
              stemsim backtest --data ../shared/data/un --train-until 2009 --test-from 2010 --test-to 2019 --out runs/backtest

            With --concerned-party: the concerned-party effect on the Assembly's country-situation roll calls
            (docs/concerned-party.md), fitted on the training years and scored on the test years:
              stemsim backtest --concerned-party --data ../shared/data/un --train-from 1990 --train-until 2009 --test-from 2010 --test-to 2019

            With --analog-kinds: the analog spread measured per kind of analog (docs/calibration.md):
              stemsim backtest --analog-kinds --data ../shared/data/un --train-until 1999 --test-from 2000 --test-to 2019 --choose-to 2009 --out runs/analog-kinds

            With --evidence TABLE: does a 2020 roll call given as evidence improve the forecast of its 2021 repeat?
              stemsim backtest --evidence cal2019.csv.gz --data ../shared/data/un --train-until 2019 --test-from 2020 --test-to 2021 --out runs/evidence
            """)
        {
            data, trainUntil, testFrom, testTo, output, concerned, trainFrom, analogKinds, chooseTo, originEvery, embeddedShocks, protocols, reveal, evidence, seed, trials, threads, body, force, quiet,
        };
        command.SetAction((parse, cancellationToken) => (parse.GetValue(concerned), parse.GetValue(body)?.ToUpperInvariant() ?? "GA") switch
        {
            (false, "GA") when parse.GetValue(analogKinds) => AnalogKinds(parse, cancellationToken),
            (false, "GA") when parse.GetValue(evidence) is { } table => evidenceBacktests.RunAsync(table, parse.GetValue(data)!, parse.GetValue(testFrom), parse.GetValue(testTo), parse.GetValue(output) ?? string.Empty, parse.GetValue(trials) ?? 20_000, parse.GetValue(force), cancellationToken),
            (true, _) => concernedParty.RunAsync(parse.GetValue(data)!, parse.GetValue(trainFrom) ?? 1990, parse.GetValue(trainUntil), parse.GetValue(testFrom), parse.GetValue(testTo), cancellationToken),
            (false, "SC") => councilBacktests.BacktestAsync(parse.GetValue(data)!, parse.GetValue(trainUntil), parse.GetValue(testFrom), parse.GetValue(testTo), parse.GetValue(output) ?? string.Empty, parse.GetValue(force), parse.GetValue(quiet), cancellationToken),
            (false, "GA") => GeneralAssembly(parse, cancellationToken),
            (false, _) => UnknownBody(parse.GetValue(body)!),
        });
        return command;

        Task<int> AnalogKinds(ParseResult parse, CancellationToken cancellationToken) => analogSpreads.RunAsync(
                new AnalogSpreadRequest
                {
                    DataDirectory = parse.GetValue(data)!,
                    TrainFrom = parse.GetValue(trainFrom),
                    TrainUntil = parse.GetValue(trainUntil),
                    TestFrom = parse.GetValue(testFrom),
                    TestTo = parse.GetValue(testTo),
                    ChooseTo = parse.GetValue(chooseTo),
                    OriginEvery = parse.GetValue(originEvery) ?? 2,
                    EmbeddedShocks = parse.GetValue(embeddedShocks),
                    OutputFolder = parse.GetValue(output) ?? string.Empty,
                    Seed = parse.GetValue(seed) ?? 1,
                    Trials = parse.GetValue(trials) ?? 2000,
                    Threads = parse.GetValue(threads),
                    Force = parse.GetValue(force),
                },
                cancellationToken);

        Task<int> UnknownBody(string other) => Task.FromResult(councilBacktests.RejectBody(other));

        Task<int> GeneralAssembly(ParseResult parse, CancellationToken cancellationToken) => backtests.BacktestAsync(
            new BacktestRequest
            {
                DataDirectory = parse.GetValue(data)!,
                TrainUntil = parse.GetValue(trainUntil),
                TestFrom = parse.GetValue(testFrom),
                TestTo = parse.GetValue(testTo),
                OutputFolder = parse.GetValue(output) ?? string.Empty,
                Protocols = parse.GetValue(protocols) is { Length: > 0 } p ? p.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray() : ["recurring", "new"],
                Reveal = parse.GetValue(reveal) is { Length: > 0 } r ? r.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(x => x.ToUpperInvariant()).ToArray() : [],
                Seed = parse.GetValue(seed) ?? 1,
                Trials = parse.GetValue(trials) ?? 2000,
                Threads = parse.GetValue(threads),
                Force = parse.GetValue(force),
                Quiet = parse.GetValue(quiet),
            },
            cancellationToken);
    }
}
