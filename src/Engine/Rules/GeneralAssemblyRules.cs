namespace StemSimulator.Engine.Rules;

/// <summary>
/// Decision rules of the General Assembly. Only members present and voting (yes or no) count (rule 86);
/// abstentions, absences and members without a vote under Art. 19 do not.
/// </summary>
public static class GeneralAssemblyRules
{
    /// <summary>Whether a General Assembly tally adopts a proposal under <paramref name="rule"/>.</summary>
    /// <remarks>
    /// Simple majority: yes &gt; no (a tie fails). Two-thirds: yes &gt;= 2 no and yes &gt;= 1, which is
    /// yes / (yes + no) &gt;= 2/3 without rounding; nobody present and voting adopts nothing.
    /// </remarks>
    public static bool IsAdopted(int yes, int no, MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => yes > no,
        MajorityRule.TwoThirds => yes >= 2 * no && yes > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown majority rule."),
    };

    /// <summary>The outcome of a General Assembly vote.</summary>
    public static VoteOutcome Decide(VoteTally tally, MajorityRule rule) =>
        new(tally, IsAdopted(tally.Yes, tally.No, rule), PermanentMembers.None);
}
