using System.Globalization;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// Collects what a variant of the scenario changes, in words, in the order the file states it: members and groups,
/// co-sponsors and outreach, then each vote's changes, then the elections (see <see cref="VariantChanges"/>).
/// </summary>
internal sealed class VariantChangeList
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly List<string> _changes = [];
    private bool _analog;
    private bool _support;

    private VariantChangeList()
    {
    }

    /// <summary>What <paramref name="variant"/> changes.</summary>
    public static VariantChanges Of(VariantDocument variant)
    {
        var list = new VariantChangeList();
        list.AddMembers(variant.Members, string.Empty);
        list.AddGroups(variant.Blocs, string.Empty);
        list.AddCoalitions(variant);
        foreach (var (vote, change) in variant.Votes ?? [])
        {
            list.AddVote(vote, change);
        }

        if (variant.Elections is { Count: > 0 } elections)
        {
            list._changes.Add($"changes the election{(elections.Count > 1 ? "s" : string.Empty)} {ScenarioContext.Listed(elections.Keys)}");
        }

        return new VariantChanges(variant.Description?.Trim(), list._changes, list._analog, list._support);
    }

    /// <summary>Shifted supports, fixed votes and given probabilities of single members, <paramref name="where"/> they apply.</summary>
    private void AddMembers(Dictionary<string, MemberDocument>? members, string where)
    {
        if (members is null || members.Count == 0)
        {
            return;
        }

        int shifted = members.Values.Count(m => m.Shift is not null);
        int fixedVotes = members.Values.Count(m => m.Vote is not null);
        int probabilities = members.Values.Count(m => m.PYes is not null || m.PNo is not null || m.PAbstain is not null);
        if (shifted > 0)
        {
            _support = true;
            _changes.Add(string.Create(Invariant, $"shifts the support of {ScenarioContext.Listed(members.Where(m => m.Value.Shift is not null).Select(m => string.Create(Invariant, $"{m.Key} {m.Value.Shift:+0.##;-0.##}")))}{where}"));
        }

        if (fixedVotes > 0)
        {
            _changes.Add($"fixes the votes of {ScenarioContext.Listed(members.Where(m => m.Value.Vote is not null).Select(m => $"{m.Key} ({ScenarioContext.Yaml(m.Value.Vote!.Value.ToString())})"))}{where}");
        }

        if (probabilities > 0)
        {
            _support = true;
            _changes.Add($"gives vote probabilities for {ScenarioContext.Listed(members.Where(m => m.Value.PYes is not null || m.Value.PNo is not null || m.Value.PAbstain is not null).Select(m => m.Key))}{where}");
        }
    }

    /// <summary>The settings given to whole groups, <paramref name="where"/> they apply.</summary>
    private void AddGroups(Dictionary<string, MemberDocument>? blocs, string where)
    {
        foreach (var (group, entry) in blocs ?? [])
        {
            _support |= entry.Shift is not null || entry.PYes is not null || entry.PNo is not null || entry.PAbstain is not null;
            _changes.Add($"sets {GroupExpansion.SettingOf(entry)} for {group}{ScenarioContext.Except(entry.Except)}{where}");
        }
    }

    /// <summary>The co-sponsors and the outreach, with their effects.</summary>
    private void AddCoalitions(VariantDocument variant)
    {
        if (variant.Cosponsors is { } cosponsors)
        {
            _support = true;
            _changes.Add(string.Create(Invariant, $"co-sponsors {ScenarioContext.Listed((cosponsors.Blocs ?? []).Concat(cosponsors.Members ?? []))}{ScenarioContext.Except(cosponsors.Except)} (effect {cosponsors.Effect:+0.##;-0.##})"));
        }

        if (variant.Outreach is { } outreach)
        {
            _support = true;
            _changes.Add(string.Create(Invariant, $"outreach to {ScenarioContext.Listed((outreach.Blocs ?? []).Concat(outreach.Members ?? []))}{ScenarioContext.Except(outreach.Except)} (effect {outreach.Effect:+0.##;-0.##})"));
        }
    }

    /// <summary>What the variant changes on one vote: its analog or parameters, rule, decision, Council, members and groups.</summary>
    private void AddVote(string vote, VariantVoteDocument change)
    {
        string where = $" on {vote}";
        if (change.Like is not null || change.Discrimination is not null || change.Cutpoints is not null)
        {
            _analog = true;
            _changes.Add($"{vote}: {ScenarioContext.Analog(change.Like, change.Discrimination, change.Cutpoints)}");
        }

        if (change.Majority is { } majority)
        {
            _changes.Add($"{vote}: {ScenarioContext.Yaml(majority.ToString()).Replace('_', ' ')} majority");
        }

        if (change.Decision is { } decision)
        {
            _changes.Add($"{vote}: {ScenarioContext.Yaml(decision.ToString())} decision");
        }

        if (change.Council is not null)
        {
            _changes.Add($"{vote}: another Council composition");
        }

        if (change.Reform is { } reform)
        {
            _changes.Add($"{vote}: reformed Council ({reform.Model})");
        }

        AddMembers(change.Members, where);
        AddGroups(change.Blocs, where);
    }
}
