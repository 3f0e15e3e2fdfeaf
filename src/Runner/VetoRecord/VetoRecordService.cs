using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.VetoRecord;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.VetoRecord;

/// <summary>
/// <c>stemsim veto-record</c>: matches the Security Council vetoes to the General Assembly votes that followed them,
/// writes the pairs, and prints the default tabling probability and backlash with their intervals and sensitivities
/// (method: docs/veto-record.md).
/// </summary>
internal sealed class VetoRecordService(ConsoleStreams console, TimeProvider clock)
{
    private static readonly int[] SensitivityWindows = [30, 60, 90, 180];

    public async Task<int> RunAsync(VetoRecordRequest request, CancellationToken cancellationToken)
    {
        if (Problem(request) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        if (Load(request.DataDirectory) is not { } data)
        {
            return ExitCodes.InvalidInput;
        }

        var rules = new MatchingRules { WindowDays = request.WindowDays };
        var events = FollowUpMatcher.Match(data.Vetoes, data.Votes, rules);
        VetoRecordEstimates estimates;
        try
        {
            estimates = VetoRecordEstimates.From(events, request.FromYear, request.UntilYear);
        }
        catch (ArgumentException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        int written = await WriteAsync(request, events, estimates, cancellationToken).ConfigureAwait(false);
        if (written != ExitCodes.Success)
        {
            return written;
        }

        if (request.Format == OutputFormat.Table)
        {
            Report(request, data, events, estimates);
        }
        else
        {
            Estimates(request, data, estimates).Write(console, request.Format);
        }

        return ExitCodes.Success;
    }

    /// <summary>What is wrong with the request before anything is read, or null.</summary>
    private static string? Problem(VetoRecordRequest request) => request switch
    {
        _ when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
        _ when request.WindowDays is < 1 or > 3650 || request.FromYear > request.UntilYear => "--window must be 1-3650 days and --from must not be after --until",
        _ => null,
    };

    /// <summary>The vetoes and resolutions of the data folder with a warning per row not used, or null after printing why they cannot be read.</summary>
    private VetoRecordData? Load(string dataDirectory)
    {
        VetoRecordData data;
        try
        {
            data = VetoRecordData.Load(dataDirectory);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return null;
        }

        foreach (var problem in data.Problems)
        {
            console.Error.WriteLine($"warning: row not used: {problem}");
        }

        if (data.Problems.Count > 1)
        {
            console.Error.WriteLine($"warning: {data.Problems.Count} rows not used in all");
        }

        return data;
    }

    /// <summary>Writes the pairs (Parquet with the estimates as provenance, and CSV) into the output folder, whole or not at all; the exit code.</summary>
    private async Task<int> WriteAsync(VetoRecordRequest request, IReadOnlyList<VetoEvent> events, VetoRecordEstimates estimates, CancellationToken cancellationToken)
    {
        var (folder, error) = RunFolder.Prepare(request.OutputFolder, request.Force, "veto-record", [request.DataDirectory]);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {error}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            try
            {
                var provenance = Provenance(request, estimates);
                await using (var stream = File.Create(folder.PathOf(VetoFollowUpsTable.ParquetName)))
                {
                    await VetoFollowUpsTable.WriteParquetAsync(events, stream, provenance, cancellationToken).ConfigureAwait(false);
                }

                await File.WriteAllTextAsync(folder.PathOf(VetoFollowUpsTable.CsvName), VetoFollowUpsTable.ToCsv(events), cancellationToken).ConfigureAwait(false);
                folder.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: cannot write {request.OutputFolder}: {e.Message}");
                return ExitCodes.RuntimeFailure;
            }
        }

        return ExitCodes.Success;
    }

    private void Report(VetoRecordRequest request, VetoRecordData data, IReadOnlyList<VetoEvent> events, VetoRecordEstimates e)
    {
        var invariant = CultureInfo.InvariantCulture;
        console.Out.WriteLine(string.Create(invariant,
            $"{data.Vetoes.Count} vetoed drafts in {events.Count} veto events (same day, same topic), {data.Votes.Count} recorded General Assembly resolutions"));
        var border = TableBorders.For(console.Out);
        var table = new Table().Border(border).AddColumn("estimate").AddColumn(new TableColumn("value").RightAligned()).AddColumn("rests on");
        table.AddRow(
            Markup.Escape($"tabling probability ({request.FromYear}-{request.UntilYear}, {request.WindowDays} days)"),
            string.Create(invariant, $"{e.TablingProbability:F3} (90%: {e.TablingLow90:F3}-{e.TablingHigh90:F3})"),
            string.Create(invariant, $"{e.FollowedUp} of {e.Events} veto events followed up"));
        table.AddRow(
            "backlash, mean probit shift",
            string.Create(invariant, $"{e.BacklashMean:+0.000;-0.000} (90%: {e.BacklashLow90:+0.000;-0.000} to {e.BacklashHigh90:+0.000;-0.000})"),
            string.Create(invariant, $"{e.BacklashPairs} follow-ups with a comparison vote; spread (sd) {e.BacklashSd:F3}"));
        table.AddRow(
            "backlash default",
            e.BacklashIdentified ? string.Create(invariant, $"{e.BacklashMean:+0.000;-0.000}") : "0",
            e.BacklashIdentified ? "the interval excludes 0" : "not identified: the 90% interval includes 0");
        console.Out.Write(table);

        var sensitivity = new Table().Border(border).AddColumn("window");
        var starts = SensitivityStarts(request);
        foreach (int start in starts)
        {
            sensitivity.AddColumn(new TableColumn(string.Create(invariant, $"{start}-{request.UntilYear}")).RightAligned());
        }

        foreach (int window in SensitivityWindows)
        {
            var matched = FollowUpMatcher.Match(data.Vetoes, data.Votes, new MatchingRules { WindowDays = window });
            var cells = new List<string> { string.Create(invariant, $"{window} days") };
            foreach (int start in starts)
            {
                var s = VetoRecordEstimates.From(matched, start, request.UntilYear);
                cells.Add(string.Create(invariant, $"{s.TablingProbability:F2} ({s.FollowedUp}/{s.Events})"));
            }

            sensitivity.AddRow(cells.ToArray());
        }

        console.Out.WriteLine("Tabling probability by window and period (followed-up events / events):");
        console.Out.Write(sensitivity);
        console.Out.MarkupLine($"Wrote [bold]{Markup.Escape(Path.Combine(request.OutputFolder, VetoFollowUpsTable.ParquetName))}[/] and {VetoFollowUpsTable.CsvName}");
    }

    /// <summary>The first years of the periods the sensitivity table compares, each up to <c>--until</c>.</summary>
    private static int[] SensitivityStarts(VetoRecordRequest request) => new[] { 1946, 1970, request.FromYear, 2000 }.Distinct().ToArray();

    /// <summary>
    /// Every estimate as one table for scripts: the defaults (tabling probability, backlash mean and spread) for the
    /// requested window and period, then the tabling probability for each window and period of the sensitivity table.
    /// <c>count</c> is the followed-up events (or the backlash pairs), <c>of</c> the veto events.
    /// </summary>
    private static TextTable Estimates(VetoRecordRequest request, VetoRecordData data, VetoRecordEstimates e)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "tabling_probability", "default", (long)request.FromYear, (long)request.UntilYear, (long)request.WindowDays, e.TablingProbability, e.TablingLow90, e.TablingHigh90, (long)e.FollowedUp, (long)e.Events },
            new object?[] { "backlash_mean", "default", (long)request.FromYear, (long)request.UntilYear, (long)request.WindowDays, e.BacklashMean, e.BacklashLow90, e.BacklashHigh90, (long)e.BacklashPairs, null },
            new object?[] { "backlash_sd", "default", (long)request.FromYear, (long)request.UntilYear, (long)request.WindowDays, e.BacklashSd, null, null, (long)e.BacklashPairs, null },
        };
        foreach (int window in SensitivityWindows)
        {
            var matched = FollowUpMatcher.Match(data.Vetoes, data.Votes, new MatchingRules { WindowDays = window });
            foreach (int start in SensitivityStarts(request))
            {
                var s = VetoRecordEstimates.From(matched, start, request.UntilYear);
                rows.Add(new object?[] { "tabling_probability", "sensitivity", (long)start, (long)request.UntilYear, (long)window, s.TablingProbability, s.TablingLow90, s.TablingHigh90, (long)s.FollowedUp, (long)s.Events });
            }
        }

        return new TextTable(["estimate", "role", "from", "until", "window_days", "value", "low90", "high90", "count", "of"], rows);
    }

    private TableProvenance Provenance(VetoRecordRequest request, VetoRecordEstimates e)
    {
        var invariant = CultureInfo.InvariantCulture;
        return new TableProvenance(
            "veto-record",
            [
                new("arguments", string.Create(invariant, $"--window {request.WindowDays} --from {request.FromYear} --until {request.UntilYear}")),
                new("sources", $"{VetoRecordData.VetoFile}; {VetoRecordData.ResolutionFile}"),
                new("method", "docs/veto-record.md: same-subject recorded GA resolution within the window, emergency special session or non-recurring title"),
                new("tabling_probability", string.Create(invariant, $"{e.TablingProbability:R} ({e.FollowedUp}/{e.Events}; 90% Jeffreys {e.TablingLow90:F4}-{e.TablingHigh90:F4})")),
                new("backlash", string.Create(invariant, $"mean {e.BacklashMean:F4}, sd {e.BacklashSd:F4}, n {e.BacklashPairs}, 90% {e.BacklashLow90:F4} to {e.BacklashHigh90:F4}")),
            ],
            clock.GetUtcNow());
    }
}
