namespace StemSimulator.Engine.Elections;

/// <summary>The counts of one election in one variant over a whole run.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Tally">The counts (its <see cref="ElectionTally.Election"/> is the election).</param>
public sealed record ElectionStatistics(string Variant, ElectionTally Tally)
{
    /// <summary>The election.</summary>
    public ElectionModel Election => Tally.Election;

    /// <summary>P(candidate c elected), the share of trials.</summary>
    public double PElected(int candidate) => Tally.Trials == 0 ? double.NaN : (double)Tally.Elected[candidate] / Tally.Trials;

    /// <summary>Monte Carlo standard error of <see cref="PElected"/>: sqrt(p (1 - p) / trials).</summary>
    public double PElectedStandardError(int candidate)
    {
        double p = PElected(candidate);
        return Math.Sqrt(p * (1 - p) / Tally.Trials);
    }

    /// <summary>The q-quantile (0 to 1) of the number of ballots of seat group <paramref name="group"/>.</summary>
    public int RoundsQuantile(int group, double q)
    {
        long target = (long)Math.Ceiling(q * Tally.Trials);
        long seen = 0;
        for (int r = 1; r <= Election.MaxRounds; r++)
        {
            seen += Tally.RoundsHistogram[Tally.At(group, r)];
            if (seen >= Math.Max(1, target))
            {
                return r;
            }
        }

        return Election.MaxRounds;
    }
}
