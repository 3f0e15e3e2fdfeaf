namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// How far one recorded count (yes or no votes on a roll call) fell from its forecast, with the pieces of the
/// forecast's variance: the global shock g is then matched so that the counts fall inside their ranges as often as
/// the ranges promise (<see cref="YearModel"/>).
/// </summary>
/// <param name="Deviation">Recorded count minus forecast mean.</param>
/// <param name="BaseVariance">Forecast variance without the global shock: sum p_i (1 - p_i) plus the bloc shocks' part.</param>
/// <param name="GlobalLoading">(sum_i dp_i / dz)^2: the count variance per unit of global shock variance.</param>
internal readonly record struct CountDeviation(double Deviation, double BaseVariance, double GlobalLoading)
{
    /// <summary>Whether the count falls in the central range of normal coverage z-quantile with global shock <paramref name="g"/>.</summary>
    public bool Inside(double z, double g) => Math.Abs(Deviation) <= z * Math.Sqrt(BaseVariance + (GlobalLoading * g * g));
}
