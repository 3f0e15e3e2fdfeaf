using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Model;

/// <summary>
/// Anchoring a vote on its analog's recorded yes count: the one shift d of every member's latent support for which the
/// expected yes count without shocks, sum_i (1 - absent_i) Phi((mean_i + d - yesFrom_i) / sd_i), equals the analog's
/// recorded yes count. A repeat mostly keeps its count; the member-level model then places the yes votes and carries
/// the shocks.
/// </summary>
public static class AnalogAnchor
{
    /// <summary>Largest shift searched, either way.</summary>
    public const double Bound = 10;

    /// <summary>
    /// The shift d in [-<see cref="Bound"/>, <see cref="Bound"/>] (bisection to 1e-12; the nearer end when
    /// <paramref name="target"/> is out of reach) with the expected yes count <paramref name="target"/>.
    /// </summary>
    /// <param name="means">Each member's latent mean.</param>
    /// <param name="sds">Each member's latent sd (&gt; 0): its own noise and its position's uncertainty.</param>
    /// <param name="yesFrom">Each member's yes cut-point.</param>
    /// <param name="absence">Each member's absence probability.</param>
    /// <param name="fixedYes">Yes votes fixed whatever the shift (members certain to vote yes).</param>
    /// <param name="target">The analog's recorded yes count.</param>
    public static double Shift(ReadOnlySpan<double> means, ReadOnlySpan<double> sds, ReadOnlySpan<double> yesFrom, ReadOnlySpan<double> absence, int fixedYes, double target)
    {
        double lo = -Bound, hi = Bound;
        while (hi - lo > 1e-12)
        {
            double mid = 0.5 * (lo + hi);
            double expected = fixedYes;
            for (int i = 0; i < means.Length; i++)
            {
                expected += (1 - absence[i]) * StandardNormal.Cdf((means[i] + mid - yesFrom[i]) / sds[i]);
            }

            (lo, hi) = expected < target ? (mid, hi) : (lo, mid);
        }

        return 0.5 * (lo + hi);
    }
}
