namespace StemSimulator.Runner.Reporting;

/// <summary>A bulleted list of plain-text items (same markup as <see cref="Paragraph"/>).</summary>
internal sealed record BulletList(IReadOnlyList<string> Items) : BriefingBlock;
