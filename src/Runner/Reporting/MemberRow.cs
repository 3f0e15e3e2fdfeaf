namespace StemSimulator.Runner.Reporting;

/// <summary>One row of <c>member_probabilities.parquet</c>.</summary>
internal sealed record MemberRow(string Variant, string VoteId, string Member, string Name, double PYes, double PAbstain, double PNo, double PAbsent, double Swing);
