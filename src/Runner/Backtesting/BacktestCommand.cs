using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Backtesting;

/// <summary>The <c>stemsim backtest</c> command: options and help.</summary>
internal sealed class BacktestCommand(BacktestService backtests, CouncilBacktesting.CouncilBacktestService councilBacktests, ConcernedPartyBacktestService concernedParty, AnalogSpreadBacktestService analogSpreads, AnalogRevealBacktestService analogReveals, EvidenceBacktestService evidenceBacktests) : ICliCommand
{
    private const string Help = """
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

        With --analog-kinds and --reveal: the conditioning backtest of 'given' with the kinds' shipped shapes, after --choose-to:
          stemsim backtest --analog-kinds --reveal USA CHN --data ../shared/data/un --train-until 1999 --test-from 2000 --test-to 2019 --choose-to 2009 --origin-every 4 --embedded-shocks --out runs/analog-reveal

        With --evidence TABLE: does a 2020 roll call given as evidence improve the forecast of its 2021 repeat?
          stemsim backtest --evidence cal2019.csv.gz --data ../shared/data/un --train-until 2019 --test-from 2020 --test-to 2021 --out runs/evidence
        """;

    public Command Build()
    {
        var o = new Options();
        var command = new Command("backtest", Help)
        {
            o.Data, o.TrainUntil, o.TestFrom, o.TestTo, o.Output, o.Concerned, o.TrainFrom, o.AnalogKinds, o.Kinds, o.ChooseTo, o.OriginEvery, o.EmbeddedShocks, o.Protocols, o.Reveal, o.Evidence, o.Seed, o.Trials, o.Threads, o.Body, o.Force, o.Quiet,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(o, parse, cancellationToken));
        return command;
    }

    /// <summary>Runs the backtest the options choose: analog kinds, evidence, concerned party, the Council's or the Assembly's.</summary>
    private Task<int> RunAsync(Options o, ParseResult parse, CancellationToken cancellationToken) => (parse.GetValue(o.Concerned), parse.GetValue(o.Body)?.ToUpperInvariant() ?? "GA") switch
    {
        (false, "GA") when parse.GetValue(o.AnalogKinds) => AnalogKinds(o, parse, cancellationToken),
        (false, "GA") when parse.GetValue(o.Evidence) is { } table => evidenceBacktests.RunAsync(table, parse.GetValue(o.Data)!, parse.GetValue(o.TestFrom), parse.GetValue(o.TestTo), parse.GetValue(o.Output) ?? string.Empty, parse.GetValue(o.Trials) ?? 20_000, parse.GetValue(o.Force), cancellationToken),
        (true, _) => concernedParty.RunAsync(parse.GetValue(o.Data)!, parse.GetValue(o.TrainFrom) ?? 1990, parse.GetValue(o.TrainUntil), parse.GetValue(o.TestFrom), parse.GetValue(o.TestTo), cancellationToken),
        (false, "SC") => councilBacktests.BacktestAsync(parse.GetValue(o.Data)!, parse.GetValue(o.TrainUntil), parse.GetValue(o.TestFrom), parse.GetValue(o.TestTo), parse.GetValue(o.Output) ?? string.Empty, parse.GetValue(o.Force), parse.GetValue(o.Quiet), cancellationToken),
        (false, "GA") => GeneralAssembly(o, parse, cancellationToken),
        (false, _) => Task.FromResult(councilBacktests.RejectBody(parse.GetValue(o.Body)!)),
    };

    private Task<int> AnalogKinds(Options o, ParseResult parse, CancellationToken cancellationToken) => AnalogRequest(o, parse) switch
    {
        { Reveal.Count: > 0 } request => analogReveals.RunAsync(request, cancellationToken),
        var request => analogSpreads.RunAsync(request, cancellationToken),
    };

    private static AnalogSpreadRequest AnalogRequest(Options o, ParseResult parse) =>
        new AnalogSpreadRequest
        {
            DataDirectory = parse.GetValue(o.Data)!,
            TrainFrom = parse.GetValue(o.TrainFrom),
            TrainUntil = parse.GetValue(o.TrainUntil),
            TestFrom = parse.GetValue(o.TestFrom),
            TestTo = parse.GetValue(o.TestTo),
            ChooseTo = parse.GetValue(o.ChooseTo),
            OriginEvery = parse.GetValue(o.OriginEvery) ?? 2,
            EmbeddedShocks = parse.GetValue(o.EmbeddedShocks),
            OutputFolder = parse.GetValue(o.Output) ?? string.Empty,
            Seed = parse.GetValue(o.Seed) ?? 1,
            Trials = parse.GetValue(o.Trials) ?? 2000,
            Threads = parse.GetValue(o.Threads),
            Force = parse.GetValue(o.Force),
            Kinds = parse.GetValue(o.Kinds) is { Length: > 0 } k ? k.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray() : [],
            Reveal = Reveal(o, parse),
        };

    private Task<int> GeneralAssembly(Options o, ParseResult parse, CancellationToken cancellationToken) => backtests.BacktestAsync(
        new BacktestRequest
        {
            DataDirectory = parse.GetValue(o.Data)!,
            TrainUntil = parse.GetValue(o.TrainUntil),
            TestFrom = parse.GetValue(o.TestFrom),
            TestTo = parse.GetValue(o.TestTo),
            OutputFolder = parse.GetValue(o.Output) ?? string.Empty,
            Protocols = parse.GetValue(o.Protocols) is { Length: > 0 } p ? p.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray() : ["recurring", "new"],
            Reveal = Reveal(o, parse),
            Seed = parse.GetValue(o.Seed) ?? 1,
            Trials = parse.GetValue(o.Trials) ?? 2000,
            Threads = parse.GetValue(o.Threads),
            Force = parse.GetValue(o.Force),
            Quiet = parse.GetValue(o.Quiet),
        },
        cancellationToken);

    private static string[] Reveal(Options o, ParseResult parse) =>
        parse.GetValue(o.Reveal) is { Length: > 0 } r ? r.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(x => x.ToUpperInvariant()).ToArray() : [];

    /// <summary>The command's options, made anew for each command built.</summary>
    private sealed class Options
    {
        public Option<string> Data { get; } = new Option<string>("--data") { Description = "The shared UN data folder (../shared/data/un).", Required = true };

        public Option<int> TrainUntil { get; } = new Option<int>("--train-until") { Description = "Last training year for the first test year; each later test year trains one year more.", Required = true };

        public Option<int> TestFrom { get; } = new Option<int>("--test-from") { Description = "First test year (1945 + session).", Required = true };

        public Option<int> TestTo { get; } = new Option<int>("--test-to") { Description = "Last test year.", Required = true };

        public Option<string> Output { get; } = new Option<string>("--out", "-o") { Description = "Output folder for backtest.parquet (required unless --concerned-party)." };

        public Option<bool> Concerned { get; } = new Option<bool>("--concerned-party") { Description = "Fit the concerned-party effect on the labelled Assembly roll calls of --train-from to --train-until and score it on --test-from to --test-to (prints a table, writes nothing)." };

        public Option<int?> TrainFrom { get; } = new Option<int?>("--train-from") { Description = "First training year of --concerned-party (default 1990) and of --analog-kinds' calibrations (default: the data's first year)." };

        public Option<string[]> Protocols { get; } = new Option<string[]>("--protocols") { Description = "recurring, new or both (default both).", AllowMultipleArgumentsPerToken = true };

        public Option<ulong?> Seed { get; } = new Option<ulong?>("--seed") { Description = "Seed of the revealed votes and the count simulations (default 1)." };

        public Option<int?> Trials { get; } = new Option<int?>("--trials") { Description = "Simulated trials per roll call (default 2000)." };

        public Option<int?> Threads { get; } = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it." };

        public Option<bool> AnalogKinds { get; } = new Option<bool>("--analog-kinds") { Description = "Measure the analog spread per kind of analog (repeat, same_subject, same_issue): choose it on --test-from to --choose-to, report the later test years (docs/calibration.md)." };

        public Option<string[]> Kinds { get; } = new Option<string[]>("--kinds") { Description = "With --analog-kinds: only these kinds (repeat, same_subject, same_issue; default all).", AllowMultipleArgumentsPerToken = true };

        public Option<int?> ChooseTo { get; } = new Option<int?>("--choose-to") { Description = "With --analog-kinds: last year whose roll calls choose the spreads (required)." };

        public Option<int?> OriginEvery { get; } = new Option<int?>("--origin-every") { Description = "With --analog-kinds: years between calibrations (default 2; positions carried forward by the random walk)." };

        public Option<bool> EmbeddedShocks { get; } = new Option<bool>("--embedded-shocks") { Description = "With --analog-kinds: every year takes the embedded calibration's shock sizes (as a scenario's 'shocks: calibrated') instead of its origin's." };

        public Option<string[]> Reveal { get; } = new Option<string[]>("--reveal") { Description = "The conditioning backtest of 'given': ISO3 codes (e.g. USA CHN) whose recorded vote is revealed, one at a time, on the 'new' protocol's roll calls (with --analog-kinds: on the roll calls after --choose-to, forecast from their analogs with the shipped shapes); the others are scored with it given, fixed and unknown (protocol reveal_CODE, with --analog-kinds reveal_CODE_KIND).", AllowMultipleArgumentsPerToken = true };

        public Option<string> Evidence { get; } = new Option<string>("--evidence") { Description = "The evidence backtest: a calibration table ending before --test-from (the evidence year); repeats of --test-from's resolutions in --test-to are forecast without evidence, with the evidence year's roll call as members' votes and as totals only (docs/calibration.md)." };

        public Option<string> Body { get; } = new Option<string>("--body") { Description = "GA (default): Assembly roll calls; SC: Council drafts with the Council record model (docs/council-model.md)." };

        public Option<bool> Force { get; } = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };

        public Option<bool> Quiet { get; } = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
    }
}
