namespace StemSimulator.Engine.Elections;

/// <summary>
/// Correlated shocks of an election, drawn once per trial: a shock g(c) ~ N(0, CandidateSd^2) to every member's
/// utility for candidate c (a campaign that catches on or falters), and per shocked bloc b a shock
/// h(b,c) ~ N(0, BlocSd_b^2) to its members' utility for c (a bloc closing ranks behind or against a candidate).
/// They make the members' ballots move together across trials, as real campaigns do.
/// </summary>
public sealed record ElectionShocks
{
    /// <summary>No shocks.</summary>
    public static ElectionShocks None { get; } = new(0, [], []);

    /// <summary>Creates the shocks; standard deviations must be finite and &gt;= 0, at most 64 blocs.</summary>
    public ElectionShocks(double candidateSd, IReadOnlyList<string> blocNames, IReadOnlyList<double> blocSds)
    {
        if (!(candidateSd >= 0) || !double.IsFinite(candidateSd) || blocSds.Any(s => !(s >= 0) || !double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(candidateSd), "Shock standard deviations must be finite and >= 0.");
        }

        if (blocNames.Count != blocSds.Count || blocNames.Count > 64)
        {
            throw new ArgumentException("One standard deviation per bloc, at most 64 blocs.", nameof(blocSds));
        }

        CandidateSd = candidateSd;
        BlocNames = blocNames.ToArray();
        BlocSds = blocSds.ToArray();
    }

    /// <summary>Standard deviation of each candidate's shock.</summary>
    public double CandidateSd { get; }

    /// <summary>Names of the shocked blocs; a bloc's index keys its random numbers and its bit in <see cref="ElectionVoter.BlocMask"/>.</summary>
    public IReadOnlyList<string> BlocNames { get; }

    /// <summary>Standard deviation of each bloc's shock per candidate.</summary>
    public IReadOnlyList<double> BlocSds { get; }
}
