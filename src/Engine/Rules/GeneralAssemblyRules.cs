using System.Runtime.CompilerServices;

namespace StemSimulator.Engine.Rules;

/// <summary>
/// Decision rules of the General Assembly. Only members present and voting (yes or no) count (rule 86);
/// abstentions, absences and members without a vote under Art. 19 do not.
/// </summary>
public static class GeneralAssemblyRules
{
    /// <summary>Whether a General Assembly tally adopts a proposal under <paramref name="rule"/> (<see cref="MajorityRules.IsAdopted"/>).</summary>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAdopted(int yes, int no, MajorityRule rule) => MajorityRules.IsAdopted(yes, no, rule);

    /// <summary>The outcome of a General Assembly vote.</summary>
    public static VoteOutcome Decide(VoteTally tally, MajorityRule rule) =>
        new(tally, IsAdopted(tally.Yes, tally.No, rule), PermanentMembers.None);
}
