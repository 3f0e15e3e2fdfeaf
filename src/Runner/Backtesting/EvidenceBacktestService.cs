using Spectre.Console;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Csv;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// <c>stemsim backtest --evidence TABLE</c>: does a scenario's evidence improve the forecast of a repeated resolution?
/// For every pair chosen by the rule below, the test-year resolution is forecast three ways through the scenario
/// language, each a scenario run on TABLE (a calibration ending the year before the evidence year): without evidence
/// (<c>like:</c> the table's last-year repeat), with the evidence year's roll call as members' votes (the evidence
/// file, <c>like:</c> the evidence roll call) and with its totals only. Scored on the recorded votes of the test year:
/// log loss of the members' votes (given that they voted) and the share of the yes, no and abstain counts inside the
/// central 80% and 95% ranges (and the mean width of the 80% ranges, since wider ranges cover more).
/// </summary>
/// <remarks>
/// The rule for the pairs (written before looking at the results): every General Assembly resolution of the test year
/// (1945 + session, as the calibration counts years: A/RES/76/... for 2021) in <c>DIR/undl_2021</c> whose title (<see cref="TitleText.Key"/>) matches exactly one resolution of the test year,
/// exactly one of the evidence year and exactly one whole-resolution roll call of TABLE's last year, where the
/// evidence-year roll call had at least <see cref="MinimumDissent"/> members voting no or abstaining (a unanimous
/// vote has little for positions or cut-points to explain).
/// </remarks>
internal sealed class EvidenceBacktestService(ConsoleStreams console)
{
    /// <summary>Fewest no votes and abstentions on the evidence roll call for a pair to be used.</summary>
    public const int MinimumDissent = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Resolution(string Symbol, DateOnly Date, string Title, int Yes, int No, int Abstain);

    private sealed record Score(double LogLoss, int Votes, double Coverage80, double Coverage95, double Width80);

    public async Task<int> RunAsync(string table, string dataDirectory, int evidenceYear, int testYear, string output, int trials, bool force, CancellationToken cancellationToken)
    {
        string undl = Path.Combine(dataDirectory, "undl_2021");
        if (Problem(table, undl, evidenceYear, testYear, output, force) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var clock = Stopwatch.StartNew();
        var catalog = ReferenceCatalog.WithCalibration(table);
        int lastYear = catalog.Calibration.LatestYear;
        if (lastYear >= evidenceYear)
        {
            console.Error.WriteLine($"error: the table ends in {lastYear}; the evidence year --test-from {evidenceYear} must be after it");
            return ExitCodes.InvalidInput;
        }

        var resolutions = ReadResolutions(Path.Combine(undl, "resolutions_1946_2021.csv"), evidenceYear, testYear);
        var earlier = catalog.RollCalls.All.Where(r => r.Year == lastYear && r.Kind == "resolution" && r.Symbol.Length > 0).ToArray();
        var pairs = Pairs(resolutions, earlier, evidenceYear, testYear);
        if (pairs.Count == 0)
        {
            console.Error.WriteLine("error: no pair of repeated resolutions follows the rule in these years");
            return ExitCodes.InvalidInput;
        }

        var symbols = pairs.SelectMany(p => new[] { p.Evidence.Symbol, p.Test.Symbol }).ToHashSet(StringComparer.Ordinal);
        var votes = ReadVotes(Path.Combine(undl, "ga_votes_long_1946_2021.csv"), symbols);
        Directory.CreateDirectory(output);
        var settings = new PairSettings(output, Path.GetFullPath(table), trials);
        var rows = new List<(string Pair, Score Base, Score Members, Score Totals)>();
        foreach (var (earlierRollCall, evidence, test) in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ScorePairAsync(settings, earlierRollCall, evidence, test, votes, cancellationToken).ConfigureAwait(false) is not { } scores)
            {
                return ExitCodes.InvalidInput;
            }

            rows.Add(($"{earlierRollCall.Symbol} → {evidence.Symbol} → {test.Symbol}", scores[0], scores[1], scores[2]));
            console.Error.WriteLine(string.Create(Invariant, $"{test.Symbol}: log loss {scores[0].LogLoss:F4} / {scores[1].LogLoss:F4} / {scores[2].LogLoss:F4}, coverage80 {scores[0].Coverage80:F2} / {scores[1].Coverage80:F2} / {scores[2].Coverage80:F2} (without / members / totals)"));
        }

        string report = Report(rows, table, lastYear, evidenceYear, testYear, trials, clock.Elapsed);
        await File.WriteAllTextAsync(Path.Combine(output, "evidence_backtest.md"), report, cancellationToken).ConfigureAwait(false);
        console.Out.WriteLine(report);
        return ExitCodes.Success;
    }

    /// <summary>What is wrong with the options before anything is read, or null.</summary>
    private static string? Problem(string table, string undl, int evidenceYear, int testYear, string output, bool force) => (table, output) switch
    {
        _ when output.Length == 0 => "--out is required (the folder for evidence_backtest.md and the scenarios)",
        _ when !File.Exists(table) => $"the calibration table '{table}' does not exist",
        _ when !Directory.Exists(undl) => $"'{undl}' does not exist (expected the shared data's undl_2021 folder)",
        _ when testYear <= evidenceYear => $"--test-to {testYear} must be after --test-from {evidenceYear} (the evidence year)",
        _ when Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !force => $"'{output}' exists and is not empty; pass --force to write into it",
        _ => null,
    };

    /// <summary>What every pair's scenarios share: the output folder, the calibration table's full path and the trials.</summary>
    private sealed record PairSettings(string Output, string FullTable, int Trials);

    /// <summary>
    /// Writes the pair's evidence file and its three scenarios (without evidence, members' votes, totals only) into
    /// OUTDIR/pairs/SYMBOL, runs each and scores it on the test year's recorded votes; null after printing the
    /// diagnostics when a scenario does not load.
    /// </summary>
    private async Task<List<Score>?> ScorePairAsync(PairSettings settings, AnalogRollCall earlierRollCall, Resolution evidence, Resolution test, Dictionary<string, List<(string Code, string Vote)>> votes, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(settings.Output, "pairs", test.Symbol.Replace('/', '-'));
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder("resolution,date,ms_code,ms_vote\n");
        foreach (var (code, vote) in votes[evidence.Symbol])
        {
            csv.Append(Invariant, $"{evidence.Symbol},{evidence.Date:yyyy-MM-dd},{code},{vote}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "evidence.csv"), csv.ToString(), cancellationToken).ConfigureAwait(false);
        var scores = new List<Score>();
        foreach (var (name, text) in PairScenarios(settings, earlierRollCall, evidence, test))
        {
            string path = Path.Combine(folder, name + ".yaml");
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            var loaded = ScenarioLoader.LoadFile(path);
            if (!loaded.Succeeded)
            {
                foreach (var d in loaded.Diagnostics)
                {
                    console.Error.WriteLine($"error: {d.Location}: {d.Message}");
                }

                return null;
            }

            var model = EstimatorSelection.Resolve(loaded.Model!, cancellationToken);
            var result = await Task.Run(() => MonteCarloSimulator.Run(model, new SimulationOptions(), cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            scores.Add(Evaluate(result.Votes[0], votes[test.Symbol], test));
        }

        return scores;
    }

    /// <summary>The pair's three scenarios by file name: without evidence, with the members' votes, with the totals only.</summary>
    private static (string Name, string Text)[] PairScenarios(PairSettings settings, AnalogRollCall earlierRollCall, Resolution evidence, Resolution test)
    {
        string Scenario(string name, string evidenceBlock, string like) => string.Create(Invariant, $$"""
            scenario: {{name}}
            as_of: {{test.Date:yyyy-MM-dd}}
            calibration: {{settings.FullTable}}
            trials: {{settings.Trials}}
            seed: 1
            shocks: calibrated
            {{evidenceBlock}}votes:
              - id: repeat
                body: GA
                date: {{test.Date:yyyy-MM-dd}}
                title: "{{TitleText.StripAdoptedSuffix(test.Title).Replace("\"", "'", StringComparison.Ordinal)}}"
                like: { vote: {{like}}, kind: repeat }

            """);
        return
        [
            ("without", Scenario("without-evidence", string.Empty, earlierRollCall.Symbol)),
            ("members", Scenario("member-votes", $"evidence:\n  - file: evidence.csv\n    roll_calls:\n      {evidence.Symbol}: {earlierRollCall.Symbol}\n", evidence.Symbol)),
            ("totals", Scenario("totals-only", string.Create(Invariant, $"evidence:\n  - {{ vote: {evidence.Symbol}, date: {evidence.Date:yyyy-MM-dd}, yes: {evidence.Yes}, no: {evidence.No}, abstain: {evidence.Abstain}, like: {{ vote: {earlierRollCall.Symbol}, kind: repeat }} }}\n"), evidence.Symbol)),
        ];
    }

    /// <summary>The pairs of the rule (see the class remarks), in the order of the test-year date and symbol.</summary>
    private static List<(AnalogRollCall Earlier, Resolution Evidence, Resolution Test)> Pairs(List<Resolution> resolutions, AnalogRollCall[] earlier, int evidenceYear, int testYear)
    {
        static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> key) => items
            .GroupBy(i => TitleText.Key(key(i)), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0 && g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

        var before = Unique(earlier, r => r.Title);
        var evidence = Unique(resolutions.Where(r => SessionYear(r.Symbol) == evidenceYear), r => r.Title);
        var test = Unique(resolutions.Where(r => SessionYear(r.Symbol) == testYear), r => r.Title);
        return test
            .Where(t => evidence.ContainsKey(t.Key) && before.ContainsKey(t.Key) && evidence[t.Key].No + evidence[t.Key].Abstain >= MinimumDissent)
            .Select(t => (before[t.Key], evidence[t.Key], t.Value))
            .OrderBy(p => p.Value.Date).ThenBy(p => p.Value.Symbol, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>1945 + the session of an Assembly symbol (A/RES/75/191: 2020), as the calibration counts years; 0 for other symbols.</summary>
    private static int SessionYear(string symbol) =>
        symbol.Split('/') is ["A", "RES", var session, ..] && int.TryParse(session, NumberStyles.None, Invariant, out int s) ? 1945 + s : 0;

    private static List<Resolution> ReadResolutions(string path, int fromYear, int toYear)
    {
        var list = new List<Resolution>();
        using var reader = new CsvRecordReader(path);
        reader.Read(out _);
        var header = reader.Fields.ToArray();
        int Col(string name) => Array.IndexOf(header, name);
        int council = Col("council"), date = Col("date"), symbol = Col("resolution"), title = Col("title"), yes = Col("yes_count"), no = Col("no_count"), abstain = Col("abstain_count");
        while (reader.Read(out var problem))
        {
            var f = reader.Fields;
            if (problem is not null || f.Count != header.Length || f[council] != "GA"
                || !DateOnly.TryParseExact(f[date], "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var d) || d.Year < fromYear || d.Year > toYear + 1)
            {
                continue;
            }

            list.Add(new Resolution(f[symbol].Trim(), d, f[title], int.Parse(f[yes], Invariant), int.Parse(f[no], Invariant), int.Parse(f[abstain], Invariant)));
        }

        return list;
    }

    private static Dictionary<string, List<(string Code, string Vote)>> ReadVotes(string path, HashSet<string> symbols)
    {
        var votes = symbols.ToDictionary(s => s, _ => new List<(string, string)>(), StringComparer.Ordinal);
        using var reader = new CsvRecordReader(path);
        reader.Read(out _);
        var header = reader.Fields.ToArray();
        int symbol = Array.IndexOf(header, "resolution"), code = Array.IndexOf(header, "iso3_mapped"), vote = Array.IndexOf(header, "vote");
        while (reader.Read(out var problem))
        {
            var f = reader.Fields;
            if (problem is null && f.Count == header.Length && votes.TryGetValue(f[symbol].Trim(), out var list) && f[code].Trim().Length == 3)
            {
                list.Add((f[code].Trim(), f[vote].Trim()));
            }
        }

        return votes;
    }

    /// <summary>Log loss of the recorded yes, no and abstain votes (given presence) and the counts' coverage.</summary>
    private static Score Evaluate(VoteStatistics statistics, List<(string Code, string Vote)> recorded, Resolution test)
    {
        var byCode = new Dictionary<string, MemberVoteStatistics>(StringComparer.Ordinal);
        for (int i = 0; i < statistics.Vote.Codes.Count; i++)
        {
            byCode[statistics.Vote.Codes[i]] = statistics.Member(i);
        }

        double loss = 0;
        int n = 0;
        foreach (var (code, vote) in recorded)
        {
            if (!byCode.TryGetValue(code, out var m) || vote is not ("Y" or "N" or "A"))
            {
                continue;
            }

            double present = Math.Max(1e-9, 1 - m.PAbsent);
            double p = vote switch { "Y" => m.PYes, "N" => m.PNo, _ => m.PAbstain } / present;
            loss -= Math.Log(Math.Max(p, 1e-6));
            n++;
        }

        double Coverage(double level)
        {
            double lo = (1 - level) / 2, hi = 1 - lo;
            bool Inside(IReadOnlyList<long> histogram, int count) =>
                count >= VoteStatistics.Quantile(histogram, lo) && count <= VoteStatistics.Quantile(histogram, hi);
            return (new[] { Inside(statistics.YesHistogram, test.Yes), Inside(statistics.NoHistogram, test.No), Inside(statistics.AbstainHistogram, test.Abstain) }).Count(x => x) / 3.0;
        }

        double width80 = new[] { statistics.YesHistogram, statistics.NoHistogram, statistics.AbstainHistogram }
            .Average(h => VoteStatistics.Quantile(h, 0.9) - VoteStatistics.Quantile(h, 0.1));
        return new Score(loss / Math.Max(1, n), n, Coverage(0.8), Coverage(0.95), width80);
    }

    private static string Report(List<(string Pair, Score Base, Score Members, Score Totals)> rows, string table, int lastYear, int evidenceYear, int testYear, int trials, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Evidence backtest: {rows.Count} pairs ({lastYear} repeat in the table → {evidenceYear} evidence → {testYear} forecast), table {table}, {trials:N0} trials per forecast, seed 1; {elapsed.TotalSeconds:F0} s.\n\n");
        text.Append("| forecast | log loss | coverage80 | coverage95 | width80 | votes |\n|---|---:|---:|---:|---:|---:|\n");
        double Weighted(Func<(string, Score B, Score M, Score T), Score> pick) => rows.Sum(r => pick(r).LogLoss * pick(r).Votes) / Math.Max(1, rows.Sum(r => pick(r).Votes));
        foreach (var (name, pick) in new (string, Func<(string, Score B, Score M, Score T), Score>)[] { ("without evidence", r => r.B), ("members' votes", r => r.M), ("totals only", r => r.T) })
        {
            text.Append(Invariant, $"| {name} | {Weighted(pick):F4} | {rows.Average(r => pick(r).Coverage80):F3} | {rows.Average(r => pick(r).Coverage95):F3} | {rows.Average(r => pick(r).Width80):F1} | {rows.Sum(r => pick(r).Votes):N0} |\n");
        }

        text.Append(Invariant, $"\nPairs better with members' votes (log loss): {rows.Count(r => r.Members.LogLoss < r.Base.LogLoss)} of {rows.Count}; with totals only: {rows.Count(r => r.Totals.LogLoss < r.Base.LogLoss)} of {rows.Count}.\n\n");
        text.Append("| pair (table → evidence → forecast) | log loss without / members / totals | coverage80 without / members / totals |\n|---|---|---|\n");
        foreach (var (pair, b, m, t) in rows)
        {
            text.Append(Invariant, $"| {pair} | {b.LogLoss:F4} / {m.LogLoss:F4} / {t.LogLoss:F4} | {b.Coverage80:F2} / {m.Coverage80:F2} / {t.Coverage80:F2} |\n");
        }

        return text.ToString();
    }
}
