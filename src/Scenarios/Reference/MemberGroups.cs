using System.Collections.Frozen;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Diagnostics;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The one vocabulary of group names that scenarios, elections, <c>stemsim members --bloc</c>, outputs and the docs
/// share: the five UN regional groups (<c>AFRICAN_GROUP</c>, <c>ASIA_PACIFIC_GROUP</c>, <c>EASTERN_EUROPEAN_GROUP</c>,
/// <c>GRULAC</c>, <c>WEOG</c>) and the blocs of the reference data (<c>AU</c>, <c>EU</c>, <c>NAM</c>, ...), each with
/// its members on a date.
/// </summary>
/// <remarks>
/// Input is read in any case, with spaces or hyphens for underscores (<c>African Group</c>, <c>african-group</c>), and
/// the older region names of the election language (<c>africa</c>, <c>asia_pacific</c>, <c>eastern_europe</c>) and
/// of <c>members.csv</c> (<c>African</c>, <c>WesternEuropeanAndOthers</c>) are read as the group they stand for; what
/// the tool writes is always the canonical upper-case name of <see cref="Names"/>. Regional-group membership is the
/// current one (<c>members.csv</c> has one group per state, undated) for states admitted by the date; bloc membership
/// is dated (<c>bloc_memberships.csv</c>).
/// </remarks>
public sealed class MemberGroups
{
    private static readonly FrozenDictionary<string, RegionalGroup> RegionalAliases = new Dictionary<string, RegionalGroup>(StringComparer.Ordinal)
    {
        ["AFRICA"] = RegionalGroup.African,
        ["AFRICAN"] = RegionalGroup.African,
        ["ASIA_PACIFIC"] = RegionalGroup.AsiaPacific,
        ["ASIAPACIFIC"] = RegionalGroup.AsiaPacific,
        ["EASTERN_EUROPE"] = RegionalGroup.EasternEuropean,
        ["EASTERN_EUROPEAN"] = RegionalGroup.EasternEuropean,
        ["EASTERNEUROPEAN"] = RegionalGroup.EasternEuropean,
        ["LATIN_AMERICAN_AND_CARIBBEAN"] = RegionalGroup.LatinAmericanAndCaribbean,
        ["LATINAMERICANANDCARIBBEAN"] = RegionalGroup.LatinAmericanAndCaribbean,
        ["WESTERN_EUROPEAN_AND_OTHERS"] = RegionalGroup.WesternEuropeanAndOthers,
        ["WESTERNEUROPEANANDOTHERS"] = RegionalGroup.WesternEuropeanAndOthers,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<MemberGroups> LazyEmbedded = new(() => new MemberGroups(ReferenceCatalog.Embedded), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ReferenceCatalog _catalog;
    private readonly FrozenDictionary<string, string> _canonical;

    /// <summary>The vocabulary of <paramref name="catalog"/>'s blocs and the five regional groups.</summary>
    public MemberGroups(ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        Names = [.. RegionalGroupNames.All, .. catalog.Blocs.Keys.Order(StringComparer.Ordinal)];
        var canonical = Names.ToDictionary(n => n, n => n, StringComparer.Ordinal);
        foreach (var (alias, group) in RegionalAliases)
        {
            canonical[alias] = NameOf(group);
        }

        _canonical = canonical.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The vocabulary of the embedded reference data.</summary>
    public static MemberGroups Embedded => LazyEmbedded.Value;

    /// <summary>Every canonical group name: the five regional groups in <see cref="RegionalGroup"/> order, then the blocs (ordinal).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The canonical name of a regional group (<c>AFRICAN_GROUP</c>, ..., <c>WEOG</c>).</summary>
    public static string NameOf(RegionalGroup group) => RegionalGroupNames.All[RegionalGroupNames.IndexOf(group)];

    /// <summary>
    /// The canonical name <paramref name="name"/> stands for (any case; spaces and hyphens read as underscores; the
    /// older region spellings), or <see langword="null"/> when it names no group.
    /// </summary>
    public string? Canonical(string? name) =>
        name is null ? null : _canonical.GetValueOrDefault(Normalize(name));

    /// <summary>The regional group a canonical name or alias stands for, or <see langword="null"/> for a bloc or an unknown name.</summary>
    public RegionalGroup? RegionalGroupOf(string? name) =>
        Canonical(name) is { } canonical ? RegionalGroups.Find(canonical) : null;

    /// <summary>One line saying what the group is.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no group.</exception>
    public string Describe(string name) => RegionalGroupOf(name) switch
    {
        RegionalGroup.African => "UN African Group",
        RegionalGroup.AsiaPacific => "UN Asia-Pacific Group",
        RegionalGroup.EasternEuropean => "UN Eastern European Group",
        RegionalGroup.LatinAmericanAndCaribbean => "UN Latin American and Caribbean Group (GRULAC)",
        RegionalGroup.WesternEuropeanAndOthers => "UN Western European and Others Group (WEOG; the United States sits with it)",
        _ => _catalog.Blocs[Require(name)].Description,
    };

    /// <summary>
    /// Whether the state <paramref name="code"/> belongs to the group <paramref name="name"/> on <paramref name="date"/>
    /// (a regional group: its group in <c>members.csv</c> and admitted by the date; a bloc: a dated membership).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no group.</exception>
    public bool Contains(string name, string code, DateOnly date) =>
        RegionalGroupOf(name) is { } group
            ? _catalog.FindState(code) is { } state && state.Group == group && state.Admitted <= date
            : _catalog.Blocs[Require(name)].Contains(code, date);

    /// <summary>
    /// The members of the group on <paramref name="date"/> that vote in the General Assembly that day (observer states
    /// such as Palestine in the Arab League are left out), as sorted ISO3 codes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no group.</exception>
    public IReadOnlyList<string> VotingMembersOn(string name, DateOnly date)
    {
        string canonical = Require(name);
        return _catalog.VotingMembersOn(date).Where(s => Contains(canonical, s.Code, date)).Select(s => s.Code).ToArray();
    }

    /// <summary>
    /// The one place where a scenario's member sets are resolved: the codes <paramref name="members"/>, plus the
    /// voting members of the groups <paramref name="groups"/> on <paramref name="date"/>, minus the codes
    /// <paramref name="except"/>; distinct, in the order written (the codes, then each group's members sorted by code),
    /// which is the order the co-sponsors' mean position is summed in. The codes are taken as written (they are
    /// checked elsewhere); an exception that is in no group changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A name of <paramref name="groups"/> names no group.</exception>
    public IReadOnlyList<string> Resolve(IEnumerable<string>? members, IEnumerable<string>? groups, IEnumerable<string>? except, DateOnly date)
    {
        var excluded = new HashSet<string>(except ?? [], StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var code in (members ?? []).Concat((groups ?? []).SelectMany(g => VotingMembersOn(g, date))))
        {
            if (!excluded.Contains(code) && seen.Add(code))
            {
                result.Add(code);
            }
        }

        return result;
    }

    /// <summary>
    /// "unknown group 'X'; did you mean 'Y'? (groups: ...)": the message for a name that is no group, with the nearest
    /// names and every valid one.
    /// </summary>
    public string Unknown(string name) =>
        $"unknown group '{name}'{Suggestions.DidYouMean(Normalize(name), Names)} (groups: {string.Join(", ", Names)})";

    private string Require(string name) =>
        Canonical(name) ?? throw new ArgumentException(Unknown(name), nameof(name));

    private static string Normalize(string name) =>
        name.Trim().Replace(' ', '_').Replace('-', '_').ToUpperInvariant();
}
