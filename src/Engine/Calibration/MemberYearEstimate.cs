namespace StemSimulator.Engine.Calibration;

/// <summary>One member's calibrated state in one year.</summary>
/// <param name="Theta">Position on the main dimension (mean 0, sd 1 over member-years; the United States' side positive).</param>
/// <param name="ThetaSe">Standard error of <paramref name="Theta"/> (Laplace approximation), &gt; 0.</param>
/// <param name="Offsets">Issue offsets delta_k, one per issue area, added (averaged over a roll call's issue areas) to theta.</param>
/// <param name="OffsetSe">Standard errors of the offsets.</param>
/// <param name="AbsenceRate">Probability of being absent from a recorded vote, in (0, 1).</param>
/// <param name="Votes">Yes/abstain/no votes the member cast that year, &gt;= 0.</param>
/// <param name="Records">Roll calls the member was expected at that year (votes and absences), &gt;= 0.</param>
public sealed record MemberYearEstimate(
    double Theta,
    double ThetaSe,
    IReadOnlyList<double> Offsets,
    IReadOnlyList<double> OffsetSe,
    double AbsenceRate,
    int Votes,
    int Records)
{
    /// <summary>
    /// The position on a roll call with the issue areas in <paramref name="issueMask"/>:
    /// x = theta + (1 / |K|) sum_{k in K} delta_k (theta alone when the mask is empty).
    /// </summary>
    public double PositionFor(int issueMask)
    {
        int count = System.Numerics.BitOperations.PopCount((uint)issueMask);
        if (count == 0)
        {
            return Theta;
        }

        double sum = 0;
        for (int k = 0; k < Offsets.Count; k++)
        {
            if ((issueMask & (1 << k)) != 0)
            {
                sum += Offsets[k];
            }
        }

        return Theta + (sum / count);
    }
}
