using Spectre.Console;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Reporting;

/// <summary>Reads a run folder, builds the briefing and writes it as HTML or Markdown.</summary>
internal sealed class ReportService(ConsoleStreams console)
{
    public async Task<int> ReportAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var format = request.Format ?? (request.OutputFile is { } file && IsMarkdown(file) ? ReportFormat.Md : ReportFormat.Html);
        string output = request.OutputFile ?? Path.Combine(request.RunFolder, format == ReportFormat.Md ? "briefing.md" : "briefing.html");

        // The target first: a folder, a device or a file that is not stemsim's is refused before anything is read.
        if (request.OutputFile is not null && SingleFileOutput.Check(output, request.Force) is { } refused)
        {
            console.Error.WriteLine($"error: {refused}");
            return ExitCodes.InvalidInput;
        }

        var (run, error) = await RunData.LoadAsync(request.RunFolder, request.PowerFile, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            console.Error.WriteLine($"error: {error}");
            return ExitCodes.InvalidInput;
        }

        if (request.OutputFile is null && SingleFileOutput.Check(output, request.Force) is { } refusedDefault)
        {
            console.Error.WriteLine($"error: {refusedDefault}");
            return ExitCodes.InvalidInput;
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var scenario = run.Summary.Count > 0 || run.Candidates.Count > 0
            ? ScenarioContext.Load(request.RunFolder, run.Metadata, request.ScenarioFile)
            : ScenarioContext.Unavailable("a power table has no scenario");
        var briefing = new BriefingBuilder(run, scenario).Build();
        int charts = briefing.Sections.Sum(s => s.Blocks.Count(b => b is Chart));
        cancellationToken.ThrowIfCancellationRequested();
        var written = new List<string> { Path.GetFileName(output) };
        if (format == ReportFormat.Html)
        {
            await WriteAtomicallyAsync(output, HtmlBriefingWriter.Render(briefing), cancellationToken).ConfigureAwait(false);
        }
        else if (!await WriteMarkdownAsync(briefing, output, directory, request.Force, written, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.InvalidInput;
        }

        // Written by stemsim into a run folder: recorded, so a later 'run --force' may replace it with the run.
        OutputMarker.Record(directory, written);

        if (!request.Quiet)
        {
            ReportWritten(run, scenario, format, output, charts);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes the Markdown briefing and its charts as PNG files beside it, adding their names to
    /// <paramref name="written"/>; false, after printing why, when a chart's file may not be written (nothing is then).
    /// </summary>
    private async Task<bool> WriteMarkdownAsync(Briefing briefing, string output, string directory, bool force, List<string> written, CancellationToken cancellationToken)
    {
        string stem = Path.GetFileNameWithoutExtension(output);
        var (markdown, images) = MarkdownBriefingWriter.Render(briefing, stem);
        // The charts beside the briefing are outputs too: checked, all of them, before any is written.
        foreach (var (name, _) in images)
        {
            if (SingleFileOutput.Check(Path.Combine(directory, name), force) is { } refusedImage)
            {
                console.Error.WriteLine($"error: {refusedImage} (a chart of the briefing)");
                return false;
            }
        }

        foreach (var (name, png) in images)
        {
            await SingleFileOutput.WriteAsync(Path.Combine(directory, name), s => s.WriteAsync(png, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
            written.Add(name);
        }

        await WriteAtomicallyAsync(output, markdown, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The file written and its charts on standard output, with a note on standard error when the scenario could not be described.</summary>
    private void ReportWritten(RunData run, ScenarioContext scenario, ReportFormat format, string output, int charts)
    {
        if (scenario.Problem is not null && (run.Summary.Count > 0 || run.Candidates.Count > 0))
        {
            console.Error.WriteLine($"note: {scenario.Problem}; the briefing does not list the analog votes.");
        }

        string images = format == ReportFormat.Md && charts > 0 ? $", {charts} chart(s) as PNG beside it" : $", {charts} chart(s)";
        console.Out.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]{Markup.Escape(images)}");
    }

    private static bool IsMarkdown(string file) =>
        Path.GetExtension(file).ToLowerInvariant() is ".md" or ".markdown";

    /// <summary>Writes beside the target and renames, so an interrupted report never leaves half a file.</summary>
    private static Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken) =>
        SingleFileOutput.WriteAsync(path, s => s.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(text), cancellationToken).AsTask(), cancellationToken);
}
