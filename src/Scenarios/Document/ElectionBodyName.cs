namespace StemSimulator.Scenarios.Document;

/// <summary>The body whose seats an election fills, as written in a scenario.</summary>
public enum ElectionBodyName
{
    /// <summary>Non-permanent seats of the Security Council: two-thirds of the members present and voting; no immediate re-election.</summary>
    SC,

    /// <summary>The Human Rights Council: an absolute majority of all members (97 of 193); at most two consecutive terms.</summary>
    HRC,
}
