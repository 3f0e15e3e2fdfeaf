using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// A vote's announced votes (<c>given:</c> by member, <c>given_blocs:</c> by group): which members they name, and how
/// they become the conditioned members of a <see cref="VoteModel"/>. The one place that reads their member sets; a
/// group's members come from <see cref="Reference.MemberGroups.Resolve"/>, as for <c>blocs:</c>.
/// </summary>
internal sealed class GivenCompiler
{
    private readonly CompilationContext _context;

    // A problem of the baseline's entry is the same in every variant that keeps it: reported once.
    private readonly HashSet<(object Map, string Code)> _reported = [];

    public GivenCompiler(CompilationContext context) => _context = context;

    /// <summary>
    /// Checks a <c>given</c> map (every key a member state on the vote's date) and a <c>given_blocs</c> map (every key a
    /// group, each entry with a vote and exceptions that are members of the group).
    /// </summary>
    public void Check(Dictionary<string, VoteChoiceName>? given, Dictionary<string, GivenBlocDocument>? givenBlocs, DateOnly date)
    {
        foreach (var (code, _) in given ?? [])
        {
            if (_context.Catalog.FindState(code) is null && _context.MemberSets.Groups.Canonical(code) is { } group)
            {
                _context.Error(given!, code, $"'{code}' is a group ({group}), not a member: announce a group's vote under 'given_blocs', for example 'given_blocs: {{ {group}: yes }}' or 'given_blocs: {{ {group}: {{ vote: yes, except: [...] }} }}'");
                continue;
            }

            _context.CheckCode(code, given!, code, date);
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, entry) in givenBlocs ?? [])
        {
            if (_context.MemberSets.Groups.Canonical(key) is not { } group)
            {
                string hint = _context.Catalog.FindState(key) is { } state ? $"; {key} ({state.Name}) is a member: put it under 'given'" : string.Empty;
                _context.Error(givenBlocs!, key, _context.MemberSets.Groups.Unknown(key) + hint);
                continue;
            }

            if (!seen.TryAdd(group, key))
            {
                _context.Error(givenBlocs!, key, $"'{key}' and '{seen[group]}' both name {group}; give it one entry");
                continue;
            }

            if (entry.Vote is null)
            {
                _context.Error(givenBlocs!, key, $"the announcement of {group} needs 'vote' (yes, no, abstain or absent)");
            }

            _context.MemberSets.CheckExcept(entry.Except, [group], entry, date);
        }
    }

    /// <summary>
    /// Fixes each announcing participant of <paramref name="participants"/> to its announced vote and returns the
    /// announcements with the leans they are weighed with; reports (at the map's entry) a member that does not take
    /// part in the vote or whose vote is already fixed. A group's member that does not sit on the Council voting is
    /// left out of the group's announcement (a group's members are states, only some of which vote on a draft); a
    /// group none of whose members votes is reported.
    /// </summary>
    /// <param name="given">The members' map in force (the variant's if it has one, else the vote's).</param>
    /// <param name="givenBlocs">The groups' map in force (the variant's if it has one, else the vote's).</param>
    /// <param name="date">The vote's date (the groups' members on it).</param>
    /// <param name="participants">The vote's participants; announcing members are replaced by fixed ones.</param>
    /// <param name="vote">The vote (for messages).</param>
    /// <param name="variant">The variant being compiled (null: the baseline), for messages.</param>
    /// <param name="fixedReason">Why a participant's vote is fixed, by code (article 19, party to the dispute); others: a 'vote:' entry.</param>
    public IReadOnlyList<GivenVote> Apply(
        Dictionary<string, VoteChoiceName>? given, Dictionary<string, GivenBlocDocument>? givenBlocs, DateOnly date,
        List<VoteParticipant> participants, VoteDocument vote, VariantDocument? variant, Func<string, string?> fixedReason)
    {
        var result = new List<GivenVote>();
        string where = variant is null ? string.Empty : $" in variant '{variant.Name}'";
        var voting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, choice, group) in Announcements(given, givenBlocs, date))
        {
            object map = group is null ? given! : givenBlocs!;
            string key = group ?? code;
            int i = participants.FindIndex(p => p.Code == code);
            if (i < 0)
            {
                if (group is not null && vote.Body == BodyName.SC)
                {
                    continue;
                }

                Report(map, key, $"{code}{(group is null ? string.Empty : $" (in {group})")} does not take part in vote '{vote.Id}'{where} ({(vote.Body == BodyName.SC ? "not a member of the Council voting" : "not a voting member on the vote's date")}), so it cannot announce a vote on it");
                continue;
            }

            if (group is not null)
            {
                voting.Add(group);
            }

            var lean = participants[i].Lean;
            if (lean.Fixed is { } fixedChoice)
            {
                string reason = fixedReason(code) ?? $"its vote is fixed to {Name(fixedChoice)} (a 'vote:' under members, an intervention)";
                string remedy = group is null ? "remove one of the two" : $"leave it out with 'except: [{code}]' or remove its fixed vote";
                Report(map, key, $"{code}{(group is null ? string.Empty : $" (in {group})")} announces a vote on '{vote.Id}'{where}, but {reason}; an announced vote ('given') is an observation the run conditions on: {remedy}");
                continue;
            }

            participants[i] = participants[i] with { Lean = MemberLean.Certain(choice) };
            result.Add(new GivenVote(i, choice, lean));
        }

        foreach (var (key, entry) in givenBlocs ?? [])
        {
            if (entry.Vote is not null && !voting.Contains(key) && _context.MemberSets.Groups.Canonical(key) is not null)
            {
                Report(givenBlocs!, key, $"no member of {key} (after 'except') votes on '{vote.Id}'{where}, so the group announces nothing; remove the entry");
            }
        }

        return result;
    }

    /// <summary>
    /// The announced votes in force, each with the group key that announced it (null for a member's own entry): each
    /// group's voting members on <paramref name="date"/> minus its <c>except</c> (<see cref="Reference.MemberGroups.Resolve"/>),
    /// in the order written, then the members of <paramref name="given"/>, whose own entries replace their groups'. Two
    /// groups announcing different votes for a member without its own entry are reported (at the later group), and
    /// that member is left out.
    /// </summary>
    private List<(string Code, VoteChoice Choice, string? Group)> Announcements(
        Dictionary<string, VoteChoiceName>? given, Dictionary<string, GivenBlocDocument>? givenBlocs, DateOnly date)
    {
        var byCode = new Dictionary<string, (string Code, VoteChoice Choice, string? Group)>(StringComparer.Ordinal);
        var order = new List<string>();
        var clashed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, entry) in givenBlocs ?? [])
        {
            if (_context.MemberSets.Groups.Canonical(key) is not { } group || entry.Vote is not { } vote)
            {
                continue;
            }

            var choice = ClosedSets.Choice(vote);
            var clashes = new List<string>();
            foreach (string code in _context.MemberSets.Groups.Resolve(null, [group], entry.Except, date))
            {
                if (given?.ContainsKey(code) == true)
                {
                    continue;
                }

                if (byCode.TryGetValue(code, out var earlier))
                {
                    if (earlier.Choice != choice)
                    {
                        clashes.Add($"{code} ({earlier.Group}: {Name(earlier.Choice)})");
                        clashed.Add(code);
                    }

                    continue;
                }

                byCode[code] = (code, choice, key);
                order.Add(code);
            }

            if (clashes.Count > 0)
            {
                Report(givenBlocs!, key, $"{key} announces {Name(choice)} for members another group announces otherwise: {string.Join(", ", clashes)}; leave them out with 'except' or give their votes under 'given'");
            }
        }

        foreach (var (code, choice) in given ?? [])
        {
            byCode[code] = (code, ClosedSets.Choice(choice), null);
            order.Remove(code);
            order.Add(code);
        }

        return order.Where(c => !clashed.Contains(c)).Select(c => byCode[c]).ToList();
    }

    private static string Name(VoteChoice choice) => choice.ToString().ToLowerInvariant();

    private void Report(object map, string code, string message)
    {
        if (_reported.Add((map, code)))
        {
            _context.Error(map, code, message);
        }
    }
}
