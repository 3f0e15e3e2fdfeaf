namespace StemSimulator.Runner.Reporting;

/// <summary>A paragraph, a table, a list or a chart.</summary>
internal abstract record BriefingBlock;
