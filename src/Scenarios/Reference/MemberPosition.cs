namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// A member state's calibrated position in one year, from the project's own calibration embedded in
/// <c>ReferenceData/calibration.csv.gz</c> (made by <c>stemsim calibrate</c>, see <c>ReferenceData/SOURCES.md</c>).
/// </summary>
/// <param name="Code">ISO 3166-1 alpha-3 code, upper case (historical units such as DDR or YUG use their own codes).</param>
/// <param name="Year">Year asked for (1945 + General Assembly session).</param>
/// <param name="Theta">
/// Position on the main dimension of General Assembly voting: mean 0 and standard deviation 1 over all member-years
/// 1946-2021; higher means closer to the United States (which is positive). Observed values lie in about [-3, 3].
/// </param>
/// <param name="ThetaStandardError">Standard error of <paramref name="Theta"/> (Laplace approximation of the calibration), &gt; 0.</param>
/// <param name="AbsenceRate">Estimated probability of being absent from a recorded vote that year, in [0, 1].</param>
/// <param name="SourceYear">
/// Year the values come from: equals <paramref name="Year"/> when the member has an estimate for it, else the latest
/// earlier year with one (or, for a member admitted later, its first year).
/// </param>
/// <param name="IssueOffsets">
/// Offsets per issue area (<see cref="IssueAreas.Names"/> order) added to theta on a roll call of that area; on a
/// roll call with several areas their mean is added. Typically within [-1, 1].
/// </param>
public sealed record MemberPosition(string Code, int Year, double Theta, double ThetaStandardError, double AbsenceRate, int SourceYear, IReadOnlyList<double> IssueOffsets)
{
    /// <summary>The position on a roll call with the issue areas of <paramref name="issueMask"/>: theta plus the mean of their offsets.</summary>
    public double PositionFor(int issueMask)
    {
        int count = System.Numerics.BitOperations.PopCount((uint)issueMask);
        if (count == 0)
        {
            return Theta;
        }

        double sum = 0;
        for (int k = 0; k < IssueOffsets.Count; k++)
        {
            if ((issueMask & (1 << k)) != 0)
            {
                sum += IssueOffsets[k];
            }
        }

        return Theta + (sum / count);
    }
}
