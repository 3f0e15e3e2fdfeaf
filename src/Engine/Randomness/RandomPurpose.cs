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

    /// <summary>Per trial, election, member and candidate: the member's own taste for the candidate, fixed for the trial.</summary>
    ElectionPreference = 6,

    /// <summary>Per trial, election and candidate: the shock shared by every member's utility for the candidate.</summary>
    ElectionCandidateShock = 7,

    /// <summary>Per trial, election, bloc and candidate: the shock shared by the bloc's members' utility for the candidate.</summary>
    ElectionBlocShock = 8,

    /// <summary>Per trial, election, ballot, member and candidate: the ballot-to-ballot noise of a member's utility.</summary>
    ElectionRoundNoise = 9,

    /// <summary>Per trial, election, ballot, member and seat group: whether the member is absent, casts an invalid or a blank ballot.</summary>
    ElectionTurnout = 10,

    /// <summary>Per trial, election, ballot, seat group and candidate: the lot that breaks ties for a restricted ballot's list.</summary>
    ElectionLot = 11,

    /// <summary>Per trial, election, ballot, seat group and candidate: whether the candidate withdraws.</summary>
    ElectionWithdrawal = 12,

    /// <summary>Per trial, vote and condition: whether the vote is tabled once its condition is met.</summary>
    Tabling = 13,

    /// <summary>Per trial and Council vote: the working day on which the Assembly meets after a veto (A/RES/76/262).</summary>
    DebateDay = 14,

    /// <summary>Per trial and vote: the shift standing for the uncertainty of the analog vote.</summary>
    AnalogShift = 15,

    /// <summary>Per trial, year and member: the member's yearly step of drift.</summary>
    DriftStep = 16,

    /// <summary>Per trial and year: a global shock moving every position (a dated drift event).</summary>
    DriftGlobalShock = 17,

    /// <summary>
    /// Per trial and attempt: the key of a redrawn trial when the run conditions on announced votes and the trial's
    /// earlier draws were rejected (attempt 0 is the trial itself).
    /// </summary>
    GivenRedraw = 18,

    /// <summary>Per trial and attempt: the uniform that accepts the attempt's shared draws with probability their likelihood.</summary>
    GivenAcceptance = 19,
}
