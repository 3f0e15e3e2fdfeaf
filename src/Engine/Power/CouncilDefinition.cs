using System.Globalization;

namespace StemSimulator.Engine.Power;

/// <summary>
/// A decision body as a simple voting game: seat classes and the rule that says which coalitions (the members voting
/// yes) carry a decision.
/// </summary>
/// <remarks>
/// <para>A coalition S wins when both hold:</para>
/// <list type="bullet">
/// <item>its weight reaches the quota: sum over i in S of w_i &gt;= q;</item>
/// <item>fewer than b veto holders are outside it, where b is <see cref="VetoBlocking"/>: |V \ S| &lt; b.</item>
/// </list>
/// <para>
/// The Charter's substantive rule is q = 9 of 15 unit weights with b = 1 ("all five permanent members and at least
/// nine"). As in the voting-power literature, a simple game knows only yes and not-yes: a permanent member's
/// abstention, which Council practice does not count as a veto, is outside the game; the indices measure a
/// member's share of decisive positions under the rule as written.
/// </para>
/// </remarks>
public sealed record CouncilDefinition
{
    /// <summary>Most members a council may have: the exact computation keeps coalition counts (up to 2^n) in doubles.</summary>
    public const int MaxMembers = 1000;

    /// <summary>Creates a council and checks that its rule is a proper game (the full council wins, quota reachable).</summary>
    /// <param name="name">Name, e.g. <c>current</c> (non-empty).</param>
    /// <param name="description">One sentence on what the model is and where it comes from.</param>
    /// <param name="classes">Seat classes, at least one; member labels unique over all classes.</param>
    /// <param name="quota">Weight of yes votes needed, 1 to the total weight.</param>
    /// <param name="vetoBlocking">How many veto holders outside a coalition block it, 1 to the number of veto holders
    /// (1: every veto holder has a veto; 2: a veto needs two permanent members). Ignored without veto holders.</param>
    /// <exception cref="ArgumentException">A value is out of range or a member label repeats.</exception>
    public CouncilDefinition(string name, string description, IReadOnlyList<SeatClass> classes, int quota, int vetoBlocking = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfZero(classes.Count, nameof(classes));
        Name = name;
        Description = description;
        Classes = classes.ToArray();
        MemberCount = classes.Sum(c => c.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MemberCount, MaxMembers, nameof(classes));
        TotalWeight = classes.Sum(c => (long)c.Count * c.Weight);
        VetoHolders = classes.Where(c => c.Veto).Sum(c => c.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(quota, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quota, TotalWeight);
        Quota = quota;
        if (VetoHolders == 0)
        {
            VetoBlocking = 1;
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(vetoBlocking, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(vetoBlocking, VetoHolders);
            VetoBlocking = vetoBlocking;
        }

        var duplicate = classes.SelectMany(c => c.Members).GroupBy(m => m, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Member '{duplicate.Key}' appears more than once.", nameof(classes));
        }
    }

    /// <summary>The council's name, e.g. <c>current</c> or <c>g4</c>.</summary>
    public string Name { get; }

    /// <summary>What the model is and where it comes from.</summary>
    public string Description { get; }

    /// <summary>The seat classes, in output order.</summary>
    public IReadOnlyList<SeatClass> Classes { get; }

    /// <summary>Number of members n (1 to <see cref="MaxMembers"/>).</summary>
    public int MemberCount { get; }

    /// <summary>Sum of all members' weights.</summary>
    public long TotalWeight { get; }

    /// <summary>Number of members holding a veto (0 to n).</summary>
    public int VetoHolders { get; }

    /// <summary>Weight of yes votes a decision needs, 1 to <see cref="TotalWeight"/>.</summary>
    public int Quota { get; }

    /// <summary>
    /// How many veto holders voting not-yes block a decision: 1 is the Charter's veto; 2 is "a veto needs two
    /// permanent members". 1 when there are no veto holders (then it never binds).
    /// </summary>
    public int VetoBlocking { get; }

    /// <summary>Whether a coalition with total weight <paramref name="weight"/> and <paramref name="vetoHoldersOutside"/>
    /// veto holders outside it carries the decision.</summary>
    public bool IsWinning(long weight, int vetoHoldersOutside) => weight >= Quota && vetoHoldersOutside < VetoBlocking;

    /// <summary>The rule in words, e.g. "all 5 veto holders and 9 of 15 votes" or "9 of 15 votes; 2 of the 5 veto holders needed to block".</summary>
    public string RuleText()
    {
        var invariant = CultureInfo.InvariantCulture;
        string votes = string.Create(invariant, $"{Quota} of {TotalWeight} votes");
        if (VetoHolders == 0)
        {
            return votes + ", no veto";
        }

        return VetoBlocking == 1
            ? string.Create(invariant, $"all {VetoHolders} veto holders and {votes}")
            : string.Create(invariant, $"{votes}; {VetoBlocking} of the {VetoHolders} veto holders needed to block");
    }
}
