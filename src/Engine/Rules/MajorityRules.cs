using System.Runtime.CompilerServices;

namespace StemSimulator.Engine.Rules;

/// <summary>
/// Everything the tool knows about each <see cref="MajorityRule"/>, in one place: its name in scenarios and
/// outputs, its wording in the briefing, whether a tally adopts, and the rule as a threshold on the margin (which the
/// exact estimator and the briefing use). A new rule is a new enum value plus one arm in each switch here, its name in the scenario language
/// (<c>Scenarios/Document/MajorityName</c>) and the regenerated schema; every switch throws on a value it does not know, so
/// a rule left out fails loudly (and the closed-set tests run every value end to end). Sizes that depend on the rule
/// (the exact estimator's buffers, the margin histogram) follow <see cref="LargestNoWeight"/>.
/// </summary>
public static class MajorityRules
{
    /// <summary>The rule's name as scenarios and the outputs write it: simple or two_thirds.</summary>
    public static string Name(this MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => "simple",
        MajorityRule.TwoThirds => "two_thirds",
        _ => throw Unknown(rule),
    };

    /// <summary>The rule called <paramref name="name"/> (as <see cref="Name"/> writes it); throws on any other name.</summary>
    public static MajorityRule Parse(string name) =>
        TryParse(name, out var rule)
            ? rule
            : throw new ArgumentOutOfRangeException(nameof(name), name, $"'{name}' is not a majority rule ({string.Join(", ", Enum.GetValues<MajorityRule>().Select(v => v.Name()))}).");

    /// <summary>Whether <paramref name="name"/> names a majority rule (as <see cref="Name"/> writes it), and which.</summary>
    public static bool TryParse(string name, out MajorityRule rule)
    {
        foreach (var value in Enum.GetValues<MajorityRule>())
        {
            if (value.Name() == name)
            {
                rule = value;
                return true;
            }
        }

        rule = default;
        return false;
    }

    /// <summary>Whether a tally of <paramref name="yes"/> and <paramref name="no"/> votes adopts under the rule.</summary>
    /// <remarks>
    /// Simple majority: yes &gt; no (a tie fails). Two-thirds: yes &gt;= 2 no and yes &gt;= 1, which is
    /// yes / (yes + no) &gt;= 2/3 without rounding; nobody present and voting adopts nothing. Equals
    /// yes - <see cref="NoWeight"/> no &gt;= <see cref="MinimumMargin"/> and, when <see cref="RequiresAYes"/>, yes &gt;= 1
    /// (a test checks the two forms agree), written out here because the kernel calls it for every trial.
    /// </remarks>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAdopted(int yes, int no, MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => yes > no,
        MajorityRule.TwoThirds => yes >= 2 * no && yes > 0,
        _ => throw Unknown(rule),
    };

    /// <summary>w in the rule's threshold yes - w no &gt;= <see cref="MinimumMargin"/>: 1 for simple, 2 for two-thirds.</summary>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NoWeight(this MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => 1,
        MajorityRule.TwoThirds => 2,
        _ => throw Unknown(rule),
    };

    /// <summary>The least margin yes - <see cref="NoWeight"/> no that adopts: 1 for simple (a tie fails), 0 for two-thirds.</summary>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MinimumMargin(this MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => 1,
        MajorityRule.TwoThirds => 0,
        _ => throw Unknown(rule),
    };

    /// <summary>Whether adoption needs at least one yes beyond the margin (two-thirds: nobody voting adopts nothing).</summary>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RequiresAYes(this MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => false,
        MajorityRule.TwoThirds => true,
        _ => throw Unknown(rule),
    };

    /// <summary>The rule in words, for sentences: simple majority, two-thirds majority.</summary>
    public static string Description(this MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => "simple majority",
        MajorityRule.TwoThirds => "two-thirds majority",
        _ => throw Unknown(rule),
    };

    /// <summary>What the rule asks of the yes votes against the no votes, in words (for the tally chart's caption).</summary>
    public static string ThresholdDescription(this MajorityRule rule) => rule switch
    {
        MajorityRule.Simple => "more yes than no",
        MajorityRule.TwoThirds => "yes at least twice the no votes, and at least one yes",
        _ => throw Unknown(rule),
    };

    /// <summary>
    /// The largest <see cref="NoWeight"/> of any rule: the exact estimator's margin runs over [-w n, n], so its buffers
    /// are sized by it and a rule with a heavier weight needs no change there.
    /// </summary>
    public static int LargestNoWeight { get; } = Enum.GetValues<MajorityRule>().Max(NoWeight);

    /// <summary>The fewest yes votes that adopt against <paramref name="no"/> no votes (&gt;= 0): no + 1, or max(1, 2 no).</summary>
    public static int YesNeeded(this MajorityRule rule, int no) =>
        Math.Max(rule.RequiresAYes() ? 1 : 0, (rule.NoWeight() * no) + rule.MinimumMargin());

    private static ArgumentOutOfRangeException Unknown(MajorityRule rule) =>
        new(nameof(rule), rule, "Unknown majority rule: add it to MajorityRules.");
}
