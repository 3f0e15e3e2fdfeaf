namespace StemSimulator.Engine.ConcernedParty;

/// <summary>One member's recorded vote on a labelled roll call, with the base model's latent mean.</summary>
/// <param name="Code">The member's code.</param>
/// <param name="Choice">0 no, 1 abstain, 2 yes.</param>
/// <param name="Mean">beta * position of the base ordered probit (calibrated position plus issue offsets); finite.</param>
/// <param name="Theta">The member's calibrated position theta of the year (for the position distance); finite.</param>
/// <param name="IsConcerned">Whether the roll call concerns this member.</param>
public sealed record ConcernedPartyVote(string Code, int Choice, double Mean, double Theta, bool IsConcerned);

/// <summary>A roll call labelled with the states it concerns, with its members' recorded votes.</summary>
/// <param name="RollCall">The roll call's id.</param>
/// <param name="RollCallIndex">Its index in the record (<see cref="Calibration.UnVotingData.RollCalls"/>).</param>
/// <param name="Year">Calibration year (1945 + session).</param>
/// <param name="Concerned">The first state named (the partners' closeness is measured to it).</param>
/// <param name="Tau1">Lower cut-point of the roll call.</param>
/// <param name="Tau2">Upper cut-point of the roll call, &gt;= <paramref name="Tau1"/>.</param>
/// <param name="ConcernedTheta">The concerned state's calibrated position of the year, or null when it has none.</param>
/// <param name="Votes">The members present and voting.</param>
public sealed record ConcernedPartyCase(
    string RollCall,
    int RollCallIndex,
    int Year,
    string Concerned,
    double Tau1,
    double Tau2,
    double? ConcernedTheta,
    IReadOnlyList<ConcernedPartyVote> Votes);
