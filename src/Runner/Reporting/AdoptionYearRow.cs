namespace StemSimulator.Runner.Reporting;

/// <summary>
/// One row of <c>drift_adoption.parquet</c>: P(adopted) of an Assembly vote of a multi-year run with its 95% Monte
/// Carlo interval, and quantiles over trials of P(adopted | the trial's drifted positions and shocks), 0 to 1.
/// </summary>
internal sealed record AdoptionYearRow(string Variant, string VoteId, int Year, double PAdopted, double Lo95, double Hi95, double P05, double P25, double P50, double P75, double P95);
