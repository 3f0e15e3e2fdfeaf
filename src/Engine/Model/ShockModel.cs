namespace StemSimulator.Engine.Model;

/// <summary>
/// Correlated shocks per trial and vote (docs/design.md, section The vote model): a global shock g ~ N(0, GlobalSd^2) added to every
/// member's latent support, and for each bloc b a shock s_b ~ N(0, BlocSd_b^2) added to its members'.
/// Without them independent votes give intervals that are far too narrow.
/// </summary>
public sealed class ShockModel
{
    /// <summary>No shocks at all.</summary>
    public static ShockModel None { get; } = new(0, [], []);

    /// <summary>Creates a shock model.</summary>
    /// <param name="globalSd">Standard deviation of the global shock, &gt;= 0, in latent units (the members' noise has sd 1).</param>
    /// <param name="blocNames">Names of the shocked blocs; a bloc's index keys its random numbers.</param>
    /// <param name="blocSds">Standard deviation per bloc, &gt;= 0, aligned with <paramref name="blocNames"/>.</param>
    public ShockModel(double globalSd, IReadOnlyList<string> blocNames, IReadOnlyList<double> blocSds)
    {
        if (!(globalSd >= 0) || !double.IsFinite(globalSd))
        {
            throw new ArgumentOutOfRangeException(nameof(globalSd), globalSd, "Must be a finite number >= 0.");
        }

        if (blocNames.Count != blocSds.Count)
        {
            throw new ArgumentException("One standard deviation per bloc.", nameof(blocSds));
        }

        if (blocSds.Any(s => !(s >= 0) || !double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(blocSds), "Bloc standard deviations must be finite numbers >= 0.");
        }

        GlobalSd = globalSd;
        BlocNames = blocNames.ToArray();
        BlocSds = blocSds.ToArray();
    }

    /// <summary>Standard deviation of the global shock.</summary>
    public double GlobalSd { get; }

    /// <summary>Names of the shocked blocs.</summary>
    public IReadOnlyList<string> BlocNames { get; }

    /// <summary>Standard deviation of each bloc's shock.</summary>
    public IReadOnlyList<double> BlocSds { get; }
}
