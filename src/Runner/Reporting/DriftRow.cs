namespace StemSimulator.Runner.Reporting;

/// <summary>
/// One row of <c>drift.parquet</c>: the quantiles over trials of a member's or a bloc centre's drifted position in
/// one year of one variant (positions on the calibration's scale: mean 0, standard deviation 1 across members,
/// the United States positive).
/// </summary>
internal sealed record DriftRow(string Variant, int Year, string Kind, string Name, double P05, double P10, double P50, double P90, double P95);
