using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Model;

/// <summary>
/// The distribution of the per-trial shift of every member's latent support that stands for how far a new text sits
/// from its analog: a scale mixture of two centred normals, N(0, <see cref="NarrowSd"/>^2) with probability
/// 1 - <see cref="WideProbability"/> and N(0, <see cref="WideSd"/>^2) with probability <see cref="WideProbability"/>
/// ("mostly close to the analog, now and then far from it"). With <see cref="WideProbability"/> = 0 it is the plain
/// normal shift N(0, <see cref="NarrowSd"/>^2) of a spread set by hand.
/// </summary>
/// <param name="NarrowSd">Standard deviation of the usual shift, &gt;= 0.</param>
/// <param name="WideSd">Standard deviation of the occasional shift, &gt;= <paramref name="NarrowSd"/>.</param>
/// <param name="WideProbability">Probability of the occasional shift, 0 to 1.</param>
public sealed record AnalogShiftDistribution(double NarrowSd, double WideSd, double WideProbability)
{
    /// <summary>The normal shift of a spread set by hand: N(0, <paramref name="sd"/>^2).</summary>
    public static AnalogShiftDistribution Normal(double sd) => new(sd, sd, 0);

    /// <summary>
    /// This shift with both components' sds scaled by <paramref name="to"/> / <paramref name="from"/> (the mixing
    /// probability kept); divided first, so a normal shift of sd <paramref name="from"/> becomes exactly sd <paramref name="to"/>.
    /// </summary>
    public AnalogShiftDistribution Rescaled(double from, double to) => from == to ? this
        : new(NarrowSd / from * to, WideSd / from * to, WideProbability);

    /// <summary>
    /// This shift plus an independent N(0, <paramref name="extraSd"/>²): each component's sd becomes
    /// sqrt(sd² + extraSd²), which is exact for a scale mixture of normals. Used for an analog known only by its totals,
    /// whose own shift is uncertain.
    /// </summary>
    public AnalogShiftDistribution Widened(double extraSd) => extraSd <= 0 ? this
        : new(Math.Sqrt((NarrowSd * NarrowSd) + (extraSd * extraSd)), Math.Sqrt((WideSd * WideSd) + (extraSd * extraSd)), WideProbability);

    /// <summary>Whether the shift is a mixture (a second uniform per trial picks the component).</summary>
    public bool IsMixture => WideProbability > 0 && WideSd != NarrowSd;

    /// <summary>Variance: (1 - p) narrow^2 + p wide^2.</summary>
    public double Variance => ((1 - WideProbability) * NarrowSd * NarrowSd) + (WideProbability * WideSd * WideSd);

    /// <summary>Standard deviation, the square root of <see cref="Variance"/>.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Fourth central moment: 3 ((1 - p) narrow^4 + p wide^4).</summary>
    public double FourthMoment => 3 * (((1 - WideProbability) * Math.Pow(NarrowSd, 4)) + (WideProbability * Math.Pow(WideSd, 4)));

    /// <summary>P(shift &lt;= <paramref name="x"/>): (1 - p) Phi(x / narrow) + p Phi(x / wide), a zero sd counting as a point mass at 0.</summary>
    public double Cdf(double x) => ((1 - WideProbability) * ComponentCdf(x, NarrowSd)) + (WideProbability * ComponentCdf(x, WideSd));

    /// <summary>The <paramref name="q"/> quantile (0 &lt; q &lt; 1), by bisection of <see cref="Cdf"/> to 1e-12.</summary>
    public double Quantile(double q)
    {
        if (q is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile's level lies strictly between 0 and 1.");
        }

        double bound = 10 * Math.Max(WideSd, NarrowSd) + 1e-9;
        double lo = -bound, hi = bound;
        while (hi - lo > 1e-12)
        {
            double mid = 0.5 * (lo + hi);
            (lo, hi) = Cdf(mid) < q ? (mid, hi) : (lo, mid);
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// The shift of one trial from its standard normal <paramref name="normal"/> and, for a mixture, the uniform
    /// <paramref name="uniform"/> in (0, 1) that picks the wide component when below <see cref="WideProbability"/>.
    /// </summary>
    public double Draw(double normal, double uniform) => normal * ScaleFor(uniform);

    /// <summary>The component's standard deviation the uniform <paramref name="uniform"/> picks.</summary>
    public double ScaleFor(double uniform) => uniform < WideProbability ? WideSd : NarrowSd;

    private static double ComponentCdf(double x, double sd) => sd > 0 ? StandardNormal.Cdf(x / sd) : (x >= 0 ? 1 : 0);
}
