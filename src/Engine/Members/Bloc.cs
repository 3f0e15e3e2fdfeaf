namespace StemSimulator.Engine.Members;

/// <summary>
/// A group of states whose membership changes on dated events (BRICS enlargements, EU accessions, NATO
/// accessions). Membership is always asked for a date.
/// </summary>
public sealed class Bloc
{
    private readonly BlocMembership[] _memberships;

    /// <summary>Creates a bloc from its dated memberships.</summary>
    /// <param name="name">Short name used in scenarios, upper case (for example <c>BRICS</c>).</param>
    /// <param name="description">One line saying what the bloc is.</param>
    /// <param name="memberships">Dated memberships; a state may appear more than once (left and rejoined).</param>
    public Bloc(string name, string description, IEnumerable<BlocMembership> memberships)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        _memberships = memberships.ToArray();
    }

    /// <summary>Short name used in scenarios (for example <c>BRICS</c>, <c>EU</c>, <c>NAM</c>).</summary>
    public string Name { get; }

    /// <summary>One line saying what the bloc is.</summary>
    public string Description { get; }

    /// <summary>All dated memberships, in the order given.</summary>
    public IReadOnlyList<BlocMembership> Memberships => _memberships;

    /// <summary>The ISO3 codes of the members on <paramref name="date"/>, sorted.</summary>
    public IReadOnlyList<string> MembersOn(DateOnly date) =>
        _memberships.Where(m => m.Covers(date)).Select(m => m.Code).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether <paramref name="code"/> is a member on <paramref name="date"/>.</summary>
    public bool Contains(string code, DateOnly date)
    {
        // A loop, not Any with a lambda: asked for every member, bloc and vote of a scenario as it compiles.
        foreach (var membership in _memberships)
        {
            if (membership.Covers(date) && string.Equals(membership.Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
