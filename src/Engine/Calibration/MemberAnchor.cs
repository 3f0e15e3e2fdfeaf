namespace StemSimulator.Engine.Calibration;

/// <summary>
/// A member's state fixed by an earlier calibration in a year before the fitted years: the random walk then starts
/// from it instead of from the first-year prior, theta_first ~ N(theta_anchor, g s^2) and each offset
/// delta_first,k ~ N(delta_anchor,k, g sd^2) (besides its ridge), and the absence log-odds
/// a_first ~ N(logit(absence_anchor), g sa^2), where g is the number of years from the anchor to the member's first
/// fitted year.
/// </summary>
/// <param name="YearIndex">The anchor's year index on the fit's scale (year index 0 = the first fitted year), &lt; 0.</param>
/// <param name="State">theta, then one offset per issue area (length 1 + issue count).</param>
/// <param name="AbsenceRate">The member's absence rate that year, in (0, 1).</param>
/// <param name="ThetaVariance">The variance of the anchor's theta (its standard error squared), &gt;= 0.</param>
public sealed record MemberAnchor(int YearIndex, IReadOnlyList<double> State, double AbsenceRate, double ThetaVariance);
