using System.Globalization;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// One place where a scenario names members by group, expanded to the voting members it covers on a vote's date:
/// what <c>stemsim validate --explain</c> and the briefing show, so that the analyst sees who "the African Group
/// except Nigeria and Ghana" is.
/// </summary>
/// <param name="Where">Where the scenario says it: <c>every vote</c>, <c>vote ga-x</c>, <c>variant v</c>, <c>variant v, vote ga-x</c>.</param>
/// <param name="Setting">What it sets, in YAML words: <c>shift -0.5</c>, <c>vote no</c>, <c>co-sponsors (effect +0.5)</c>.</param>
/// <param name="Groups">The canonical group names.</param>
/// <param name="Except">The members left out, as written.</param>
/// <param name="Date">The date the groups are expanded at (the vote's).</param>
/// <param name="Members">The voting members covered, sorted ISO3 codes (for co-sponsors and outreach with their named members).</param>
public sealed record GroupExpansion(string Where, string Setting, IReadOnlyList<string> Groups, IReadOnlyList<string> Except, DateOnly Date, IReadOnlyList<string> Members)
{
    /// <summary>"vote ga-x: AFRICAN_GROUP except NGA, GHA on 2026-03-02: shift -0.5 for 52 members: AGO BDI ...".</summary>
    public override string ToString()
    {
        string except = Except.Count > 0 ? " except " + string.Join(", ", Except) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Where}: {string.Join(" + ", Groups)}{except} on {Date:yyyy-MM-dd}: {Setting} for {Members.Count} member{(Members.Count == 1 ? string.Empty : "s")}: {string.Join(" ", Members)}");
    }

    /// <summary>
    /// Every group a valid scenario names (its <c>blocs</c> maps, co-sponsors and outreach), expanded at the date of
    /// each vote it applies to (a scenario-wide or variant-wide entry once per distinct vote date). Names that are no
    /// group are skipped (validation reports them).
    /// </summary>
    public static IReadOnlyList<GroupExpansion> Of(ScenarioDocument document, MemberGroups groups)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(groups);
        var result = new List<GroupExpansion>();
        var dates = document.Votes.Select(v => v.Date ?? document.AsOf).Distinct().Order().ToArray();

        Layer(result, groups, "every vote", document.Blocs, dates);
        foreach (var vote in document.Votes)
        {
            DateOnly[] on = [vote.Date ?? document.AsOf];
            Layer(result, groups, $"vote {vote.Id}", vote.Blocs, on);
            Coalitions(result, groups, $"vote {vote.Id}", vote.Cosponsors, vote.Outreach, on);
        }

        foreach (var variant in document.Variants ?? [])
        {
            Layer(result, groups, $"variant {variant.Name}", variant.Blocs, dates);
            Coalitions(result, groups, $"variant {variant.Name}", variant.Cosponsors, variant.Outreach, dates);
            foreach (var (id, change) in variant.Votes ?? [])
            {
                if (document.Votes.FirstOrDefault(v => v.Id == id) is { } vote)
                {
                    Layer(result, groups, $"variant {variant.Name}, vote {id}", change.Blocs, [vote.Date ?? document.AsOf]);
                }
            }
        }

        return result;
    }

    /// <summary>Adds the expansion of each group of a <c>blocs</c> map at each of the dates <paramref name="on"/>.</summary>
    private static void Layer(List<GroupExpansion> result, MemberGroups groups, string where, Dictionary<string, MemberDocument>? blocs, IEnumerable<DateOnly> on)
    {
        foreach (var (key, entry) in blocs ?? [])
        {
            if (groups.Canonical(key) is not { } group)
            {
                continue;
            }

            foreach (var date in on)
            {
                result.Add(new GroupExpansion(where, SettingOf(entry), [group], entry.Except ?? [], date, groups.Resolve(null, [group], entry.Except, date).Order(StringComparer.Ordinal).ToArray()));
            }
        }
    }

    /// <summary>Adds the expansion of a coalition's groups (with its members, less its exceptions) at each of the dates <paramref name="on"/>.</summary>
    private static void Coalition(List<GroupExpansion> result, MemberGroups groups, string where, string what, string[]? members, string[]? blocs, string[]? except, double effect, IEnumerable<DateOnly> on)
    {
        var known = (blocs ?? []).Select(groups.Canonical).OfType<string>().ToArray();
        if (known.Length == 0)
        {
            return;
        }

        foreach (var date in on)
        {
            result.Add(new GroupExpansion(where, string.Create(CultureInfo.InvariantCulture, $"{what} (effect {effect:+0.##;-0.##})"),
                known, except ?? [], date, groups.Resolve(members, known, except, date).Order(StringComparer.Ordinal).ToArray()));
        }
    }

    /// <summary>Adds the expansions of the co-sponsors and the outreach.</summary>
    private static void Coalitions(List<GroupExpansion> result, MemberGroups groups, string where, CosponsorsDocument? cosponsors, OutreachDocument? outreach, IEnumerable<DateOnly> on)
    {
        if (cosponsors is not null)
        {
            Coalition(result, groups, where, "co-sponsors", cosponsors.Members, cosponsors.Blocs, cosponsors.Except, cosponsors.Effect, on);
        }

        if (outreach is not null)
        {
            Coalition(result, groups, where, "outreach", outreach.Members, outreach.Blocs, outreach.Except, outreach.Effect, on);
        }
    }

    /// <summary>What a member entry sets, in YAML words ("vote no", "shift -0.5", "p_yes 0.2, p_no 0.7").</summary>
    public static string SettingOf(MemberDocument entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var invariant = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (entry.Vote is { } vote)
        {
            parts.Add("vote " + vote.ToString().ToLowerInvariant());
        }

        foreach (var (key, value) in new[] { ("p_yes", entry.PYes), ("p_abstain", entry.PAbstain), ("p_no", entry.PNo), ("absence", entry.Absence) })
        {
            if (value is { } p)
            {
                parts.Add(string.Create(invariant, $"{key} {p:0.###}"));
            }
        }

        if (entry.Shift is { } shift)
        {
            parts.Add(string.Create(invariant, $"shift {shift:+0.##;-0.##;0}"));
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}
