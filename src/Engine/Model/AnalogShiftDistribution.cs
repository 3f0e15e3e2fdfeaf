using System.Runtime.CompilerServices;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Model;

/// <summary>
/// The distribution of the per-trial shift of every member's latent support that stands for how far a new text sits
/// from its analog: a scale mixture of two centred normals, N(0, <see cref="NarrowSd"/>^2) with probability
/// 1 - <see cref="WideProbability"/> and N(0, <see cref="WideSd"/>^2) with probability <see cref="WideProbability"/>
/// ("mostly close to the analog, now and then far from it"). With <see cref="WideProbability"/> = 0 it is the plain
/// normal shift N(0, <see cref="NarrowSd"/>^2) of a spread set by hand. In its empirical form (<see cref="Offsets"/> not
/// empty, <see cref="Empirical"/>) the shift is one of the offsets, each with probability 1 / their number, plus
/// N(0, <see cref="NarrowSd"/>^2): a population of texts, each standing for the shift that would give its recorded count.
/// </summary>
/// <param name="NarrowSd">Standard deviation of the usual shift, &gt;= 0.</param>
/// <param name="WideSd">Standard deviation of the occasional shift, &gt;= <paramref name="NarrowSd"/>.</param>
/// <param name="WideProbability">Probability of the occasional shift, 0 to 1.</param>
public sealed record AnalogShiftDistribution(double NarrowSd, double WideSd, double WideProbability)
{
    /// <summary>The normal shift of a spread set by hand: N(0, <paramref name="sd"/>^2).</summary>
    public static AnalogShiftDistribution Normal(double sd) => new(sd, sd, 0);

    /// <summary>
    /// The empirical shift: one of <paramref name="offsets"/> (not empty), picked uniformly per trial, plus
    /// N(0, <paramref name="jitterSd"/>^2) (&gt;= 0).
    /// </summary>
    public static AnalogShiftDistribution Empirical(IReadOnlyList<double> offsets, double jitterSd)
    {
        ArgumentOutOfRangeException.ThrowIfZero(offsets.Count, nameof(offsets));
        ArgumentOutOfRangeException.ThrowIfNegative(jitterSd);
        return new(jitterSd, jitterSd, 0) { Offsets = [.. offsets] };
    }

    /// <summary>
    /// The empirical form's offsets (empty otherwise): each trial's shift is the one the trial's uniform picks
    /// (<see cref="Pick"/>) plus the normal draw of sd <see cref="NarrowSd"/>. Not centred: each is a level, such as
    /// the shift that anchors a vote on one text's recorded yes count.
    /// </summary>
    public IReadOnlyList<double> Offsets { get; init; } = [];

    /// <summary>Whether the shift is empirical (a uniform per trial picks one of <see cref="Offsets"/>).</summary>
    public bool IsEmpirical => Offsets.Count > 0;

    /// <summary>The index of the offset the uniform <paramref name="uniform"/> in [0, 1) picks: floor(uniform n), at most n - 1.</summary>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Pick(double uniform) => Math.Min((int)(uniform * Offsets.Count), Offsets.Count - 1);

    /// <summary>The offset the uniform <paramref name="uniform"/> picks, or 0 when the shift is not empirical.</summary>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double OffsetFor(double uniform) => IsEmpirical ? Offsets[Pick(uniform)] : 0;

    /// <summary>The mean shift: the offsets' mean (0 unless empirical).</summary>
    public double Mean => IsEmpirical ? Offsets.Average() : 0;

    /// <summary>
    /// This shift with both components' sds scaled by <paramref name="to"/> / <paramref name="from"/> (the mixing
    /// probability kept); divided first, so a normal shift of sd <paramref name="from"/> becomes exactly sd <paramref name="to"/>.
    /// An empirical shift's offsets are scaled about their mean (which stays), its normal part like a component.
    /// </summary>
    public AnalogShiftDistribution Rescaled(double from, double to)
    {
        if (from == to)
        {
            return this;
        }

        double mean = Mean;
        return new(NarrowSd / from * to, WideSd / from * to, WideProbability) { Offsets = [.. Offsets.Select(o => mean + ((o - mean) / from * to))] };
    }

    /// <summary>
    /// This shift plus an independent N(0, <paramref name="extraSd"/>²): each component's sd becomes
    /// sqrt(sd² + extraSd²), which is exact for a scale mixture of normals. Used for an analog known only by its totals,
    /// whose own shift is uncertain.
    /// </summary>
    public AnalogShiftDistribution Widened(double extraSd) => extraSd <= 0 ? this
        : new(Math.Sqrt((NarrowSd * NarrowSd) + (extraSd * extraSd)), Math.Sqrt((WideSd * WideSd) + (extraSd * extraSd)), WideProbability) { Offsets = Offsets };

    /// <summary>Whether the shift is a mixture (a second uniform per trial picks the component).</summary>
    public bool IsMixture
    {
        // AggressiveInlining: see VoteModel.IsAdopted.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => WideProbability > 0 && WideSd != NarrowSd;
    }

    /// <summary>Variance: (1 - p) narrow^2 + p wide^2, plus the offsets' variance about their mean when empirical.</summary>
    public double Variance => ((1 - WideProbability) * NarrowSd * NarrowSd) + (WideProbability * WideSd * WideSd) + OffsetMoment(2);

    /// <summary>Standard deviation, the square root of <see cref="Variance"/>.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>
    /// Fourth central moment: 3 ((1 - p) narrow^4 + p wide^4); when empirical, the mean over the offsets o of
    /// (o - mean)^4 + 6 (o - mean)^2 sd^2 + 3 sd^4.
    /// </summary>
    public double FourthMoment => IsEmpirical
        ? OffsetMoment(4) + (6 * OffsetMoment(2) * NarrowSd * NarrowSd) + (3 * Math.Pow(NarrowSd, 4))
        : 3 * (((1 - WideProbability) * Math.Pow(NarrowSd, 4)) + (WideProbability * Math.Pow(WideSd, 4)));

    /// <summary>
    /// P(shift &lt;= <paramref name="x"/>): (1 - p) Phi(x / narrow) + p Phi(x / wide), a zero sd counting as a point mass
    /// at 0; when empirical, the mean over the offsets o of Phi((x - o) / sd).
    /// </summary>
    public double Cdf(double x) => IsEmpirical
        ? Offsets.Average(o => ComponentCdf(x - o, NarrowSd))
        : ((1 - WideProbability) * ComponentCdf(x, NarrowSd)) + (WideProbability * ComponentCdf(x, WideSd));

    /// <summary>The <paramref name="q"/> quantile (0 &lt; q &lt; 1), by bisection of <see cref="Cdf"/> to 1e-12.</summary>
    public double Quantile(double q)
    {
        if (q is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile's level lies strictly between 0 and 1.");
        }

        double bound = (10 * Math.Max(WideSd, NarrowSd)) + Offsets.Select(Math.Abs).DefaultIfEmpty(0).Max() + 1e-9;
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
    /// When empirical, the uniform picks the offset instead (<see cref="Pick"/>) and the shift is it plus normal times sd.
    public double Draw(double normal, double uniform) => IsEmpirical ? OffsetFor(uniform) + (normal * NarrowSd) : normal * ScaleFor(uniform);

    /// <summary>The component's standard deviation the uniform <paramref name="uniform"/> picks.</summary>
    public double ScaleFor(double uniform) => uniform < WideProbability ? WideSd : NarrowSd;

    private double OffsetMoment(int power)
    {
        if (!IsEmpirical)
        {
            return 0;
        }

        double mean = Mean;
        return Offsets.Average(o => Math.Pow(o - mean, power));
    }

    private static double ComponentCdf(double x, double sd) => sd > 0 ? StandardNormal.Cdf(x / sd) : (x >= 0 ? 1 : 0);
}
