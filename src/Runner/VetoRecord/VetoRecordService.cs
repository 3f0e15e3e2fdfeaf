using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.VetoRecord;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;

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
        if (!Directory.Exists(request.DataDirectory))
        {
            console.Error.WriteLine($"error: the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)");
            return ExitCodes.InvalidInput;
        }

        if (request.WindowDays is < 1 or > 3650 || request.FromYear > request.UntilYear)
        {
            console.Error.WriteLine("error: --window must be 1-3650 days and --from must not be after --until");
            return ExitCodes.InvalidInput;
        }

        VetoRecordData data;
        try
        {
            data = VetoRecordData.Load(request.DataDirectory);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        foreach (var problem in data.Problems)
        {
            console.Error.WriteLine($"warning: row not used: {problem}");
        }

        if (data.Problems.Count > 1)
        {
            console.Error.WriteLine($"warning: {data.Problems.Count} rows not used in all");
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

        var (folder, error) = RunFolder.Prepare(request.OutputFolder, request.Force);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {error}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            try
            {
                var metadata = Metadata(request, estimates);
                await using (var stream = File.Create(folder.PathOf(VetoFollowUpsTable.ParquetName)))
                {
                    await VetoFollowUpsTable.WriteParquetAsync(events, stream, metadata, cancellationToken).ConfigureAwait(false);
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

        Report(request, data, events, estimates);
        return ExitCodes.Success;
    }

    private void Report(VetoRecordRequest request, VetoRecordData data, IReadOnlyList<VetoEvent> events, VetoRecordEstimates e)
    {
        var invariant = CultureInfo.InvariantCulture;
        console.Out.WriteLine(string.Create(invariant,
            $"{data.Vetoes.Count} vetoed drafts in {events.Count} veto events (same day, same topic), {data.Votes.Count} recorded General Assembly resolutions"));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("estimate").AddColumn(new TableColumn("value").RightAligned()).AddColumn("rests on");
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

        var sensitivity = new Table().Border(TableBorder.Rounded).AddColumn("window");
        int[] starts = [1946, 1970, request.FromYear, 2000];
        foreach (int start in starts.Distinct())
        {
            sensitivity.AddColumn(new TableColumn(string.Create(invariant, $"{start}-{request.UntilYear}")).RightAligned());
        }

        foreach (int window in SensitivityWindows)
        {
            var matched = FollowUpMatcher.Match(data.Vetoes, data.Votes, new MatchingRules { WindowDays = window });
            var cells = new List<string> { string.Create(invariant, $"{window} days") };
            foreach (int start in starts.Distinct())
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

    private Dictionary<string, string> Metadata(VetoRecordRequest request, VetoRecordEstimates e)
    {
        var invariant = CultureInfo.InvariantCulture;
        return new Dictionary<string, string>
        {
            ["stemsim.command"] = string.Create(invariant, $"veto-record --window {request.WindowDays} --from {request.FromYear} --until {request.UntilYear}"),
            ["stemsim.sources"] = $"{VetoRecordData.VetoFile}; {VetoRecordData.ResolutionFile}",
            ["stemsim.method"] = "docs/veto-record.md: same-subject recorded GA resolution within the window, emergency special session or non-recurring title",
            ["stemsim.tabling_probability"] = string.Create(invariant, $"{e.TablingProbability:R} ({e.FollowedUp}/{e.Events}; 90% Jeffreys {e.TablingLow90:F4}-{e.TablingHigh90:F4})"),
            ["stemsim.backlash"] = string.Create(invariant, $"mean {e.BacklashMean:F4}, sd {e.BacklashSd:F4}, n {e.BacklashPairs}, 90% {e.BacklashLow90:F4} to {e.BacklashHigh90:F4}"),
            ["stemsim.engine_version"] = Provenance.EngineVersion,
            ["stemsim.git_commit"] = Provenance.GitCommit,
            ["stemsim.created_utc"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", invariant),
        };
    }
}
