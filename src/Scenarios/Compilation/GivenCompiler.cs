using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// A vote's announced votes (<c>given:</c>): which members they name, and how they become the conditioned members of a
/// <see cref="VoteModel"/>. The one place that reads the member set of a <c>given</c> map, so that naming blocs there
/// later changes only <see cref="Members"/>.
/// </summary>
internal sealed class GivenCompiler
{
    private readonly CompilationContext _context;

    // A problem of the baseline's entry is the same in every variant that keeps it: reported once.
    private readonly HashSet<(object Map, string Code)> _reported = [];

    public GivenCompiler(CompilationContext context) => _context = context;

    /// <summary>Checks a <c>given</c> map: every key a member state on the vote's date.</summary>
    public void Check(Dictionary<string, VoteChoiceName>? given, DateOnly date)
    {
        foreach (var (code, _) in given ?? [])
        {
            _context.CheckCode(code, given!, code, date);
        }
    }

    /// <summary>The announced votes of a map (null: none), each with the member code it names, in the map's order.</summary>
    public static IReadOnlyList<(string Code, VoteChoice Choice)> Members(Dictionary<string, VoteChoiceName>? given) =>
        given is null ? [] : given.Select(e => (e.Key, ClosedSets.Choice(e.Value))).ToArray();

    /// <summary>
    /// Fixes each announcing participant of <paramref name="participants"/> to its announced vote and returns the
    /// announcements with the leans they are weighed with; reports (at the map's entry) a member that does not take
    /// part in the vote or whose vote is already fixed.
    /// </summary>
    /// <param name="given">The map in force (the variant's if it has one, else the vote's).</param>
    /// <param name="participants">The vote's participants; announcing members are replaced by fixed ones.</param>
    /// <param name="vote">The vote (for messages).</param>
    /// <param name="variant">The variant being compiled (null: the baseline), for messages.</param>
    /// <param name="fixedReason">Why a participant's vote is fixed, by code (article 19, party to the dispute); others: a 'vote:' entry.</param>
    public IReadOnlyList<GivenVote> Apply(
        Dictionary<string, VoteChoiceName>? given, List<VoteParticipant> participants, VoteDocument vote, VariantDocument? variant, Func<string, string?> fixedReason)
    {
        var result = new List<GivenVote>();
        string where = variant is null ? string.Empty : $" in variant '{variant.Name}'";
        foreach (var (code, choice) in Members(given))
        {
            int i = participants.FindIndex(p => p.Code == code);
            if (i < 0)
            {
                Report(given!, code, $"{code} does not take part in vote '{vote.Id}'{where} ({(vote.Body == BodyName.SC ? "not a member of the Council voting" : "not a voting member on the vote's date")}), so it cannot announce a vote on it");
                continue;
            }

            var lean = participants[i].Lean;
            if (lean.Fixed is { } fixedChoice)
            {
                string reason = fixedReason(code) ?? $"its vote is fixed to {fixedChoice.ToString().ToLowerInvariant()} (a 'vote:' under members, an intervention)";
                Report(given!, code, $"{code} announces a vote on '{vote.Id}'{where}, but {reason}; an announced vote ('given') is an observation the run conditions on: remove one of the two");
                continue;
            }

            participants[i] = participants[i] with { Lean = MemberLean.Certain(choice) };
            result.Add(new GivenVote(i, choice, lean));
        }

        return result;
    }

    private void Report(object map, string code, string message)
    {
        if (_reported.Add((map, code)))
        {
            _context.Error(map, code, message);
        }
    }
}
