namespace StemSimulator.Engine.Rules;

/// <summary>Decision rules of the Security Council (Charter Art. 27).</summary>
public static class SecurityCouncilRules
{
    /// <summary>Affirmative votes every Council decision needs.</summary>
    public const int RequiredYesVotes = 9;

    /// <summary>Members of the Council.</summary>
    public const int Seats = 15;

    /// <summary>Whether a Council tally adopts a decision.</summary>
    /// <param name="yes">Affirmative votes, 0 to 15.</param>
    /// <param name="permanentNo">Permanent members voting no.</param>
    /// <param name="decision">Substantive (the veto applies) or procedural.</param>
    public static bool IsAdopted(int yes, PermanentMembers permanentNo, CouncilDecision decision) =>
        yes >= RequiredYesVotes && (decision == CouncilDecision.Procedural || permanentNo == PermanentMembers.None);

    /// <summary>Whether a tally adopts a decision under a (possibly reformed) Council's rule.</summary>
    /// <param name="yes">Affirmative votes.</param>
    /// <param name="permanentNo">Permanent members voting no.</param>
    /// <param name="decision">Substantive (the veto applies) or procedural.</param>
    /// <param name="rule">Quota and how many permanent members block.</param>
    public static bool IsAdopted(int yes, PermanentMembers permanentNo, CouncilDecision decision, CouncilRule rule) =>
        yes >= rule.Quota && (decision == CouncilDecision.Procedural || !rule.Blocks(permanentNo));

    /// <summary>The outcome of a Council vote; a permanent member's abstention or absence is not a veto.</summary>
    /// <param name="tally">The counts of all fifteen members.</param>
    /// <param name="permanentNo">Permanent members voting no.</param>
    /// <param name="decision">Substantive or procedural.</param>
    public static VoteOutcome Decide(VoteTally tally, PermanentMembers permanentNo, CouncilDecision decision)
    {
        var vetoedBy = decision == CouncilDecision.Substantive ? permanentNo : PermanentMembers.None;
        return new VoteOutcome(tally, IsAdopted(tally.Yes, permanentNo, decision), vetoedBy);
    }
}
