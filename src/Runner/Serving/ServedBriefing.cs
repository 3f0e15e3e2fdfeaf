using StemSimulator.Runner.Reporting;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The page's "download briefing": the HTML briefing <c>stemsim report</c> writes for a run of the scenario, built from
/// the tables the server made in memory and the scenario's own text (nothing is read from or written to disk).
/// </summary>
internal static class ServedBriefing
{
    /// <summary>The briefing of <paramref name="run"/> as one HTML page.</summary>
    public static string Html(EvaluatedRun run)
    {
        var scenario = ScenarioContext.FromDocument(ScenarioEvaluator.FileName, run.Loaded.Document!, ReferenceCatalog.Embedded);
        return HtmlBriefingWriter.Render(new BriefingBuilder(run.ToRunData(), scenario).Build());
    }

    /// <summary>The name the browser saves the briefing under: the scenario's name (letters, digits, '-', '_', '.') and "-briefing.html".</summary>
    public static string FileName(string scenario)
    {
        string safe = new(scenario.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return $"{(safe.Length == 0 ? "scenario" : safe)}-briefing.html";
    }
}
