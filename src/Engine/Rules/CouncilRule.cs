namespace StemSimulator.Engine.Rules;

/// <summary>
/// The voting rule of a Security Council, today's or a reformed one: a substantive decision needs
/// <see cref="Quota"/> affirmative votes and fails when <see cref="VetoBlocking"/> or more permanent members vote no.
/// </summary>
/// <param name="Quota">Affirmative votes needed: 9 of 15 today (Art. 27(3)); e.g. 14 of 25 in the G4 model.</param>
/// <param name="VetoBlocking">
/// Permanent members whose no blocks a substantive decision: 1 today (the veto); 2 under a "two to block" restraint;
/// <see cref="int.MaxValue"/> when the permanent members refrain from the veto.
/// </param>
public readonly record struct CouncilRule(int Quota, int VetoBlocking)
{
    /// <summary>The Charter's rule: nine votes and no permanent member voting no.</summary>
    public static CouncilRule Charter { get; } = new(SecurityCouncilRules.RequiredYesVotes, 1);

    /// <summary>Whether any set of permanent members can block.</summary>
    public bool HasVeto => VetoBlocking < int.MaxValue;

    /// <summary>Whether the permanent members voting no block a substantive decision.</summary>
    public bool Blocks(PermanentMembers permanentNo) => permanentNo.Count() >= VetoBlocking;
}
