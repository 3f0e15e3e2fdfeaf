namespace StemSimulator.Runner.Reporting;

/// <summary>A table; <paramref name="RightAligned"/> marks numeric columns.</summary>
internal sealed record BriefingTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned) : BriefingBlock;
