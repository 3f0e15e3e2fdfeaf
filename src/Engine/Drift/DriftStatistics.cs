namespace StemSimulator.Engine.Drift;

/// <summary>
/// Where the drifted positions went: per year and member, a histogram of the position over trials (bins of
/// <see cref="BinWidth"/> on [-<see cref="Range"/>, <see cref="Range"/>], outer bins open), and the same for each
/// attraction's centre; the blocs' cohesion and the members' agreement with the reference bloc in the Assembly votes
/// (<see cref="CohesionStatistics"/>); and the fan of each vote's conditional probability of adoption
/// (<see cref="AdoptionFan"/>). Integer counts, so the statistics of workers and shards add up exactly.
/// </summary>
public sealed class DriftStatistics
{
    /// <summary>Positions are binned on [-Range, Range].</summary>
    public const double Range = 4.0;

    /// <summary>Width of a bin, in position units.</summary>
    public const double BinWidth = 0.05;

    /// <summary>Bins per histogram.</summary>
    public const int Bins = (int)(2 * Range / BinWidth);

    /// <summary>Creates empty statistics for a drift model whose variant has <paramref name="votes"/> votes.</summary>
    public DriftStatistics(string variant, DriftModel model, IReadOnlyList<string> centreLabels, int votes = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        Variant = variant;
        FromYear = model.FromYear;
        Years = model.Years.Count + 1;
        Members = model.Members;
        CentreLabels = centreLabels.ToArray();
        MemberCounts = new long[Years * Members * Bins];
        CentreCounts = new long[Years * CentreLabels.Count * Bins];
        BlocLabels = model.Cohesion?.Blocs.Select(b => b.Label).ToArray() ?? [];
        Cohesion = new CohesionStatistics(Years, BlocLabels.Count, Members);
        Adoption = new AdoptionFan(votes);
    }

    private DriftStatistics(DriftStatisticsState shape)
    {
        Variant = shape.Variant;
        FromYear = shape.FromYear;
        Years = shape.Years;
        Members = shape.Members;
        CentreLabels = shape.CentreLabels.ToArray();
        MemberCounts = new long[Years * Members * Bins];
        CentreCounts = new long[Years * CentreLabels.Count * Bins];
        BlocLabels = shape.BlocLabels.ToArray();
        Cohesion = new CohesionStatistics(Years, BlocLabels.Count, Members);
        Adoption = new AdoptionFan(shape.AdoptionVotes);
    }

    /// <summary>Labels of the blocs whose cohesion is counted.</summary>
    public IReadOnlyList<string> BlocLabels { get; }

    /// <summary>Cohesion of the blocs and agreement with the reference bloc in the Assembly votes.</summary>
    public CohesionStatistics Cohesion { get; }

    /// <summary>Per vote, the fan of the conditional probability of adoption.</summary>
    public AdoptionFan Adoption { get; }

    /// <summary>The variant.</summary>
    public string Variant { get; }

    /// <summary>First year.</summary>
    public int FromYear { get; }

    /// <summary>Years covered (from FromYear on).</summary>
    public int Years { get; }

    /// <summary>Roster members.</summary>
    public int Members { get; }

    /// <summary>Labels of the centres tracked (one per distinct attraction centre).</summary>
    public IReadOnlyList<string> CentreLabels { get; }

    /// <summary>Trials counted.</summary>
    public long Trials { get; internal set; }

    /// <summary>Histogram counts, index (year * Members + member) * Bins + bin.</summary>
    public long[] MemberCounts { get; }

    /// <summary>Histogram counts of the centres, index (year * centres + centre) * Bins + bin.</summary>
    public long[] CentreCounts { get; }

    /// <summary>The bin of a position.</summary>
    public static int Bin(double position) => (int)Math.Clamp((position + Range) / BinWidth, 0, Bins - 1);

    /// <summary>The q-quantile (0 &lt; q &lt; 1) of member <paramref name="member"/>'s position in year index <paramref name="year"/>, interpolated within its bin.</summary>
    public double MemberQuantile(int year, int member, double q) => Quantile(MemberCounts.AsSpan(((year * Members) + member) * Bins, Bins), q);

    /// <summary>The q-quantile of centre <paramref name="centre"/> in year index <paramref name="year"/>.</summary>
    public double CentreQuantile(int year, int centre, double q) => Quantile(CentreCounts.AsSpan(((year * CentreLabels.Count) + centre) * Bins, Bins), q);

    /// <summary>The statistics as plain data.</summary>
    public DriftStatisticsState ToState() => new(
        Variant, FromYear, Years, Members, CentreLabels.ToArray(), BlocLabels.ToArray(), Adoption.Votes, Trials,
        (long[])MemberCounts.Clone(), (long[])CentreCounts.Clone(), (long[])Cohesion.WithMajority.Clone(), (long[])Cohesion.Present.Clone(),
        (long[])Cohesion.Counted.Clone(), (long[])Cohesion.Agreements.Clone(), (long[])Cohesion.Comparisons.Clone(),
        (long[])Adoption.Counts.Clone(), (long[])Adoption.Held.Clone());

    /// <summary>
    /// The sum of <paramref name="states"/> (at least one, all of one shape); throws <see cref="ArgumentException"/>
    /// when their shapes or array lengths differ.
    /// </summary>
    public static DriftStatistics FromStates(IReadOnlyList<DriftStatisticsState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var sum = new DriftStatistics(states[0]);
        foreach (var s in states)
        {
            if (s.Variant != sum.Variant || s.FromYear != sum.FromYear || s.Years != sum.Years || s.Members != sum.Members
                || !s.CentreLabels.SequenceEqual(sum.CentreLabels) || !s.BlocLabels.SequenceEqual(sum.BlocLabels) || s.AdoptionVotes != sum.Adoption.Votes)
            {
                throw new ArgumentException($"the drift statistics of variant {s.Variant} differ in shape between shards", nameof(states));
            }

            sum.Trials += s.Trials;
            AddTo(sum.MemberCounts, s.MemberCounts);
            AddTo(sum.CentreCounts, s.CentreCounts);
            AddTo(sum.Cohesion.WithMajority, s.WithMajority);
            AddTo(sum.Cohesion.Present, s.Present);
            AddTo(sum.Cohesion.Counted, s.Counted);
            AddTo(sum.Cohesion.Agreements, s.Agreements);
            AddTo(sum.Cohesion.Comparisons, s.Comparisons);
            AddTo(sum.Adoption.Counts, s.AdoptionCounts);
            AddTo(sum.Adoption.Held, s.AdoptionHeld);
        }

        return sum;
    }

    private static void AddTo(long[] target, long[] source)
    {
        if (source is null || source.Length != target.Length)
        {
            throw new ArgumentException("drift counts of the wrong length", nameof(source));
        }

        for (int k = 0; k < target.Length; k++)
        {
            target[k] += source[k];
        }
    }

    /// <summary>Adds another worker's or shard's counts.</summary>
    public void Add(DriftStatistics other)
    {
        Trials += other.Trials;
        for (int k = 0; k < MemberCounts.Length; k++)
        {
            MemberCounts[k] += other.MemberCounts[k];
        }

        for (int k = 0; k < CentreCounts.Length; k++)
        {
            CentreCounts[k] += other.CentreCounts[k];
        }

        Cohesion.Add(other.Cohesion);
        Adoption.Add(other.Adoption);
    }

    private static double Quantile(ReadOnlySpan<long> histogram, double q)
    {
        long total = 0;
        foreach (long c in histogram)
        {
            total += c;
        }

        if (total == 0)
        {
            return double.NaN;
        }

        double target = q * total;
        long cumulative = 0;
        for (int b = 0; b < histogram.Length; b++)
        {
            if (cumulative + histogram[b] >= target)
            {
                double within = histogram[b] == 0 ? 0.5 : (target - cumulative) / histogram[b];
                return -Range + ((b + within) * BinWidth);
            }

            cumulative += histogram[b];
        }

        return Range;
    }
}
