namespace StemSimulator.Engine.Randomness;

/// <summary>
/// What a random draw is for. Part of every draw's key, so that adding a new kind of draw never shifts the
/// numbers of an existing one, and variants of a scenario share their random numbers (common random numbers).
/// </summary>
public enum RandomPurpose : ushort
{
    /// <summary>Per trial and member: the draw of the member's position from its calibration uncertainty.</summary>
    Position = 1,

    /// <summary>Per trial and vote: the shock shared by every member.</summary>
    GlobalShock = 2,

    /// <summary>Per trial, vote and bloc: the shock shared by the bloc's members.</summary>
    BlocShock = 3,

    /// <summary>Per trial, vote and member: whether the member is absent.</summary>
    Absence = 4,

    /// <summary>Per trial, vote and member: the member's own latent noise.</summary>
    VoteNoise = 5,
}
