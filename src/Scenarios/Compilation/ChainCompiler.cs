using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// The chain part of a scenario: votes that wait for the outcome of earlier ones (conditions and tabling
/// probabilities), the backlash after a veto and the switch for the Assembly's veto debate.
/// </summary>
internal sealed class ChainCompiler
{
    private readonly CompilationContext _context;
    private readonly VoteDocument[] _votes;

    /// <param name="context">The shared compiler state.</param>
    /// <param name="votes">The scenario's votes, in the order written.</param>
    public ChainCompiler(CompilationContext context, VoteDocument[] votes)
    {
        _context = context;
        _votes = votes;
    }

    /// <summary>Checks a vote's place in a chain: conditions on earlier votes, tabling probabilities, backlash, the debate switch.</summary>
    public void CheckChain(VoteDocument vote)
    {
        var earlier = _votes.TakeWhile(v => !ReferenceEquals(v, vote)).ToArray();
        foreach (var after in vote.After ?? [])
        {
            var target = earlier.FirstOrDefault(v => v.Id == after.Vote);
            if (target is null)
            {
                bool later = _votes.Any(v => v.Id == after.Vote);
                _context.Error(after, "vote", later
                    ? $"vote '{vote.Id}' can only wait for a vote listed before it; move '{after.Vote}' above it"
                    : $"unknown vote '{after.Vote}'{Suggestions.DidYouMean(after.Vote, earlier.Select(v => v.Id))}");
            }
            else if (after.If == ConditionName.Vetoed && (target.Body != BodyName.SC || target.Decision == DecisionName.Procedural))
            {
                _context.Error(after, "if", $"'{after.Vote}' cannot be vetoed: only substantive Council decisions can; use 'failed' or 'adopted'");
            }

            if (after.Tabled is { } tabled)
            {
                _context.CheckRange(after, "tabled", tabled, 0, 1, "a tabling probability");
            }
        }

        if (vote.Backlash is { } backlash)
        {
            CheckBacklash(vote, backlash);
        }

        if (vote.EmergencySessionOpen is not null && vote.Body != BodyName.SC)
        {
            _context.Error(vote, "emergency_session_open", "'emergency_session_open' is for Council drafts: it says whether their veto convenes the Assembly's debate");
        }
    }

    /// <summary>The conditions of a vote on earlier votes, compiled.</summary>
    public VoteCondition[] Conditions(VoteDocument vote, Body body) =>
        (vote.After ?? [])
            .Select(after => new VoteCondition(
                Array.FindIndex(_votes, v => v.Id == after.Vote),
                ClosedSets.Condition(after.If),
                after.Tabled ?? DefaultTabling(after, body),
                $"{after.Vote}:{after.If.ToString().ToLowerInvariant()}"))
            .ToArray();

    /// <summary>The backlash shift of one member: the global shift plus those of the blocs it belongs to on the date.</summary>
    public double Backlash(BacklashDocument backlash, string code, DateOnly date) =>
        (backlash.Global ?? 0) + (backlash.Blocs ?? []).Where(b => _context.MemberSets.Groups.Contains(b.Key, code, date)).Sum(b => b.Value);

    /// <summary>
    /// The tabling probability when the scenario gives none: for an Assembly vote after a veto, the record's share of
    /// vetoes followed by a recorded Assembly vote on the same subject (<see cref="VetoFollowUpDefaults"/>); otherwise 1.
    /// </summary>
    private static double DefaultTabling(AfterDocument after, Body body) =>
        after.If == ConditionName.Vetoed && body == Body.GeneralAssembly ? VetoFollowUpDefaults.TablingProbability : 1.0;

    private void CheckBacklash(VoteDocument vote, BacklashDocument backlash)
    {
        var groups = _context.MemberSets.Groups;
        if (vote.After is null)
        {
            _context.Error(vote, "backlash", "'backlash' shifts support after a veto; give the vote an 'after: { vote: ..., if: vetoed }' condition");
        }

        if (backlash.Global is { } global)
        {
            _context.CheckRange(backlash, "global", global, -5, 5, "a backlash shift");
        }

        foreach (var (bloc, shift) in backlash.Blocs ?? [])
        {
            if (groups.Canonical(bloc) is null)
            {
                _context.Error(backlash.Blocs!, bloc, groups.Unknown(bloc));
            }
            else
            {
                _context.CheckRange(backlash.Blocs!, bloc, shift, -5, 5, "a backlash shift");
            }
        }
    }
}
