namespace StemSimulator.Runner.Reporting;

/// <summary>One row of <c>power.parquet</c>.</summary>
internal sealed record PowerRow(string Council, string Member, string MemberType, bool Veto, double ShapleyShubik, double BanzhafNormalized);
