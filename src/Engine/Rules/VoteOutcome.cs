namespace StemSimulator.Engine.Rules;

/// <summary>The result of one vote under the Charter's rules.</summary>
/// <param name="Tally">The counts.</param>
/// <param name="Adopted">Whether the proposal is adopted.</param>
/// <param name="VetoedBy">Permanent members whose "no" vetoed a substantive Council decision; empty otherwise.</param>
/// <param name="Quota">Affirmative votes the Council decision needed (9 under the Charter).</param>
public readonly record struct VoteOutcome(VoteTally Tally, bool Adopted, PermanentMembers VetoedBy, int Quota = SecurityCouncilRules.RequiredYesVotes)
{
    /// <summary>Whether one or more permanent members vetoed.</summary>
    public bool Vetoed => VetoedBy != PermanentMembers.None;

    /// <summary>
    /// Whether the veto decided the outcome: the draft had the nine votes it needed and failed only because of the
    /// veto. A veto on a draft that had fewer than nine yes votes is not decisive: the draft failed anyway.
    /// </summary>
    public bool VetoDecisive => Vetoed && Tally.Yes >= Quota;
}
