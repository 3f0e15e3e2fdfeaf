namespace StemSimulator.Engine.Elections;

/// <summary>The body whose seats an election fills; it decides the majority required (docs/design.md, section Elections).</summary>
public enum ElectionBody
{
    /// <summary>
    /// Non-permanent seats of the Security Council (Charter Art. 23): two-thirds of the members present and voting
    /// (Art. 18(2)); a retiring member is not eligible for immediate re-election.
    /// </summary>
    SecurityCouncil,

    /// <summary>
    /// The Human Rights Council (A/RES/60/251): an absolute majority of all members of the General Assembly
    /// (97 of 193), whoever votes; at most two consecutive terms.
    /// </summary>
    HumanRightsCouncil,
}
