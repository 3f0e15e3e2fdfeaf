namespace StemSimulator.Engine.Drift;

/// <summary>
/// Fan-chart data for the votes of a multi-year scenario: per vote, a histogram over the trials in which it is held of
/// the conditional probability of adoption given that trial's drifted positions and shocks,
/// P(adopted | trial) (the exact margin programme over the members' independent votes), in <see cref="Bins"/> bins
/// on [0, 1]. The mean over trials is P(adopted); the quantiles show how much it depends on where positions drift.
/// Integer counts, so workers and shards add up exactly.
/// </summary>
public sealed class AdoptionFan
{
    /// <summary>Bins on [0, 1] (width 0.005).</summary>
    public const int Bins = 200;

    /// <summary>Creates empty histograms for <paramref name="votes"/> votes.</summary>
    public AdoptionFan(int votes)
    {
        Votes = votes;
        Counts = new long[votes * Bins];
        Held = new long[votes];
    }

    /// <summary>Votes (in the variant's order).</summary>
    public int Votes { get; }

    /// <summary>Histogram counts, index vote * Bins + bin.</summary>
    public long[] Counts { get; }

    /// <summary>Trials counted per vote (those in which it was held).</summary>
    public long[] Held { get; }

    /// <summary>The bin of a probability: floor(p * Bins), with p = 1 in the last bin.</summary>
    public static int Bin(double probability) => (int)Math.Clamp(probability * Bins, 0, Bins - 1);

    /// <summary>Adds one trial's conditional probability for vote <paramref name="vote"/>.</summary>
    public void Count(int vote, double probability)
    {
        Counts[(vote * Bins) + Bin(probability)]++;
        Held[vote]++;
    }

    /// <summary>
    /// The q-quantile (0 &lt; q &lt; 1) of vote <paramref name="vote"/>'s conditional probability: the bin where the
    /// cumulative count reaches q * held, interpolated linearly within it; NaN when never held.
    /// </summary>
    public double Quantile(int vote, double q)
    {
        long total = Held[vote];
        if (total == 0)
        {
            return double.NaN;
        }

        double target = q * total;
        long cumulative = 0;
        var histogram = Counts.AsSpan(vote * Bins, Bins);
        for (int b = 0; b < Bins; b++)
        {
            if (histogram[b] > 0 && cumulative + histogram[b] >= target)
            {
                return (b + ((target - cumulative) / histogram[b])) / Bins;
            }

            cumulative += histogram[b];
        }

        return 1.0;
    }

    /// <summary>Adds another worker's or shard's counts.</summary>
    public void Add(AdoptionFan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int k = 0; k < Counts.Length; k++)
        {
            Counts[k] += other.Counts[k];
        }

        for (int j = 0; j < Held.Length; j++)
        {
            Held[j] += other.Held[j];
        }
    }
}
