namespace StemSimulator.Runner.Reporting;

/// <summary>A paragraph of plain text; <c>**bold**</c> and <c>`code`</c> are the only markup.</summary>
internal sealed record Paragraph(string Text) : BriefingBlock;
