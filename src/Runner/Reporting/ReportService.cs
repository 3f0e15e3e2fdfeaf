using Spectre.Console;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner.Reporting;

/// <summary>Reads a run folder, builds the briefing and writes it as HTML or Markdown.</summary>
internal sealed class ReportService(ConsoleStreams console)
{
    public async Task<int> ReportAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var (run, error) = await RunData.LoadAsync(request.RunFolder, request.PowerFile, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            console.Error.WriteLine($"error: {error}");
            return ExitCodes.InvalidInput;
        }

        var format = request.Format ?? (request.OutputFile is { } file && IsMarkdown(file) ? ReportFormat.Md : ReportFormat.Html);
        string output = request.OutputFile ?? Path.Combine(request.RunFolder, format == ReportFormat.Md ? "briefing.md" : "briefing.html");
        string? directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is null || !Directory.Exists(directory))
        {
            console.Error.WriteLine($"error: the folder of {output} does not exist");
            return ExitCodes.InvalidInput;
        }

        var scenario = run.Summary.Count > 0 || run.Candidates.Count > 0
            ? ScenarioContext.Load(request.RunFolder, run.Metadata, request.ScenarioFile)
            : ScenarioContext.Unavailable("a power table has no scenario");
        var briefing = new BriefingBuilder(run, scenario).Build();
        int charts = briefing.Sections.Sum(s => s.Blocks.Count(b => b is Chart));
        cancellationToken.ThrowIfCancellationRequested();
        if (format == ReportFormat.Html)
        {
            await WriteAtomicallyAsync(output, HtmlBriefingWriter.Render(briefing), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            string stem = Path.GetFileNameWithoutExtension(output);
            var (markdown, images) = MarkdownBriefingWriter.Render(briefing, stem);
            foreach (var (name, png) in images)
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, name), png, cancellationToken).ConfigureAwait(false);
            }

            await WriteAtomicallyAsync(output, markdown, cancellationToken).ConfigureAwait(false);
        }

        if (!request.Quiet)
        {
            if (scenario.Problem is not null && (run.Summary.Count > 0 || run.Candidates.Count > 0))
            {
                console.Error.WriteLine($"note: {scenario.Problem}; the briefing does not list the analog votes.");
            }

            string images = format == ReportFormat.Md && charts > 0 ? $", {charts} chart(s) as PNG beside it" : $", {charts} chart(s)";
            console.Out.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]{Markup.Escape(images)}");
        }

        return ExitCodes.Success;
    }

    private static bool IsMarkdown(string file) =>
        Path.GetExtension(file).ToLowerInvariant() is ".md" or ".markdown";

    /// <summary>Writes beside the target and renames, so an interrupted report never leaves half a file.</summary>
    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        string temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, true);
    }
}
