using System.Globalization;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Checks and resolves the member sets a scenario writes with groups: <c>blocs: [...]</c> with <c>except: [...]</c>
/// (co-sponsors, outreach) and the <c>blocs:</c> maps of member settings keyed by group name. Resolution itself is
/// <see cref="MemberGroups.Resolve"/>, at the vote's date; this class reports what is wrong with the names.
/// </summary>
internal sealed class MemberSetResolver
{
    /// <summary>A level without bloc entries (never written to), shared rather than made for every member asked about.</summary>
    private static readonly Dictionary<string, MemberDocument> EmptyLevel = [];

    private readonly CompilationContext _context;
    private readonly Dictionary<(MemberDocument Entry, DateOnly Date), HashSet<string>> _covered = [];

    public MemberSetResolver(CompilationContext context)
    {
        _context = context;
        Groups = new MemberGroups(context.Catalog);
    }

    /// <summary>The vocabulary of group names of the scenario's reference data.</summary>
    public MemberGroups Groups { get; }

    /// <summary>
    /// Checks a list of group names (each reported at its index when unknown) and its exceptions (member codes; a
    /// warning when one is in none of the groups on the date). Returns the canonical names of the known groups.
    /// </summary>
    public string[] CheckGroups(string[]? groups, string[]? except, object owner, DateOnly date)
    {
        var known = new List<string>();
        for (int i = 0; i < (groups?.Length ?? 0); i++)
        {
            if (Groups.Canonical(groups![i]) is { } canonical)
            {
                known.Add(canonical);
            }
            else
            {
                _context.Error(groups, i.ToString(CultureInfo.InvariantCulture), Groups.Unknown(groups[i]));
            }
        }

        if (known.Count == 0 && groups is { Length: > 0 })
        {
            // The groups are misspelt (reported above): the exceptions can only be checked as codes.
            _context.CheckCodes(except, date);
        }
        else
        {
            CheckExcept(except, known, owner, date);
        }

        return [.. known];
    }

    /// <summary>
    /// Checks one key of a <c>blocs:</c> map: a group name (a member's code belongs under <c>members</c>). Returns the
    /// canonical name, or null when reported.
    /// </summary>
    public string? CheckGroupKey(Dictionary<string, MemberDocument> map, string key)
    {
        if (Groups.Canonical(key) is { } canonical)
        {
            return canonical;
        }

        string hint = _context.Catalog.FindState(key) is { } state
            ? $"; {key} ({state.Name}) is a member: put it under 'members'"
            : string.Empty;
        _context.Error(map, key, Groups.Unknown(key) + hint);
        return null;
    }

    /// <summary>Reports a bloc-map entry key used twice in one map under different spellings (they would silently merge).</summary>
    public void CheckDuplicates(Dictionary<string, MemberDocument>? map)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in map?.Keys.ToArray() ?? [])
        {
            if (Groups.Canonical(key) is { } canonical && !seen.TryAdd(canonical, key))
            {
                _context.Error(map!, key, $"'{key}' and '{seen[canonical]}' both name {canonical}; give it one entry");
            }
        }
    }

    /// <summary>
    /// The voting members on <paramref name="date"/> an entry of a <c>blocs:</c> map covers (the group minus its
    /// <c>except</c> list); empty for an unknown group (reported by the checks).
    /// </summary>
    public IReadOnlyList<string> Covered(string group, MemberDocument entry, DateOnly date) =>
        Groups.Canonical(group) is { } canonical ? Groups.Resolve(null, [canonical], entry.Except, date) : [];

    /// <summary>
    /// The entries of one level of member settings that apply to <paramref name="code"/> on <paramref name="date"/>:
    /// the <c>blocs</c> entries covering it, in the order written, then its own entry under <c>members</c>.
    /// </summary>
    public IEnumerable<MemberDocument> EntriesFor(Dictionary<string, MemberDocument>? blocs, Dictionary<string, MemberDocument>? members, string code, DateOnly date)
    {
        foreach (var (group, entry) in blocs ?? EmptyLevel)
        {
            if (CoveredSet(group, entry, date).Contains(code))
            {
                yield return entry;
            }
        }

        if (members?.GetValueOrDefault(code) is { } own)
        {
            yield return own;
        }
    }

    /// <summary>
    /// Whether any entry of one level of member settings applies to <paramref name="code"/> on <paramref name="date"/>:
    /// <see cref="EntriesFor"/> is not empty. Asked for every member of every vote as a scenario compiles, so it
    /// enumerates nothing it need not.
    /// </summary>
    public bool HasEntryFor(Dictionary<string, MemberDocument>? blocs, Dictionary<string, MemberDocument>? members, string code, DateOnly date)
    {
        if (members?.GetValueOrDefault(code) is not null)
        {
            return true;
        }

        foreach (var (group, entry) in blocs ?? EmptyLevel)
        {
            if (CoveredSet(group, entry, date).Contains(code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The members a bloc entry covers on a date, resolved once per entry and date.</summary>
    private HashSet<string> CoveredSet(string group, MemberDocument entry, DateOnly date)
    {
        if (!_covered.TryGetValue((entry, date), out var covered))
        {
            covered = new HashSet<string>(Covered(group, entry, date), StringComparer.Ordinal);
            _covered[(entry, date)] = covered;
        }

        return covered;
    }

    /// <summary>Checks the exceptions of a group list or bloc entry: member codes, each in one of the groups on the date (else a warning).</summary>
    public void CheckExcept(string[]? except, IReadOnlyList<string> groups, object owner, DateOnly date)
    {
        if (except is null)
        {
            return;
        }

        if (groups.Count == 0)
        {
            _context.Error(owner, "except", "'except' leaves members out of the groups under 'blocs'; name the groups or remove 'except'");
            return;
        }

        if (_context.CheckCodes(except, date) is null)
        {
            return;
        }

        for (int i = 0; i < except.Length; i++)
        {
            if (!groups.Any(g => Groups.Contains(g, except[i], date)))
            {
                _context.Warning(except, i.ToString(CultureInfo.InvariantCulture),
                    $"{except[i]} is not in {string.Join(" or ", groups)} on {date:yyyy-MM-dd}; 'except: {except[i]}' changes nothing");
            }
        }
    }
}
