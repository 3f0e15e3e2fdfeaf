namespace StemSimulator.Engine.Rules;

/// <summary>The kind of Security Council decision (Charter Art. 27).</summary>
public enum CouncilDecision : byte
{
    /// <summary>Art. 27(3): nine affirmative votes including the concurring votes of the permanent members;
    /// in practice a permanent member's abstention or absence does not block, a "no" does (the veto).</summary>
    Substantive = 0,

    /// <summary>Art. 27(2): nine affirmative votes of any members; no veto.</summary>
    Procedural = 1,
}
