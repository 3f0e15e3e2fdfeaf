namespace StemSimulator.Runner.Reporting;

/// <summary>
/// A briefing, independent of its format: a title, headline sentences, sections of paragraphs, tables and charts,
/// and the provenance. The HTML and Markdown writers render the same briefing.
/// </summary>
internal sealed record Briefing(
    string Title,
    string? Description,
    IReadOnlyList<string> Headlines,
    IReadOnlyList<BriefingSection> Sections,
    IReadOnlyList<KeyValuePair<string, string>> Provenance)
{
    /// <summary>Footnotes to the headlines (what a marked number leaves out, e.g. its Monte Carlo error), in small print.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
