namespace StemSimulator.Engine.Elections;

/// <summary>Whether a ballot is open to every candidate still standing or restricted to the leaders of the previous one.</summary>
public enum BallotKind
{
    /// <summary>Votes may go to any candidate still standing (rules 93 and 94: "any eligible Member").</summary>
    Unrestricted,

    /// <summary>Votes may go only to the leaders of the previous ballot, at most twice the places still open.</summary>
    Restricted,
}
