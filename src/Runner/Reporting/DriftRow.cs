namespace StemSimulator.Runner.Reporting;

/// <summary>
/// One row of <c>drift.parquet</c>: for kind <c>member</c> and <c>centre</c> the quantiles over trials of the drifted
/// position in one year of one variant (calibration scale: mean 0, standard deviation 1 across members, the United
/// States positive; NaN for <c>bloc</c> rows); for kind <c>bloc</c> the bloc's cohesion in that year's simulated
/// Assembly votes (share of members present voting with the bloc majority; NaN without a vote that year).
/// </summary>
internal sealed record DriftRow(string Variant, int Year, string Kind, string Name, double P05, double P10, double P50, double P90, double P95, double Cohesion);
