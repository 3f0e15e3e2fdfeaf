namespace StemSimulator.Runner.Reporting;

/// <summary>A section: a heading and its blocks, in order.</summary>
internal sealed record BriefingSection(string Heading, IReadOnlyList<BriefingBlock> Blocks);
