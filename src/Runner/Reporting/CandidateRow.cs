namespace StemSimulator.Runner.Reporting;

/// <summary>One row of <c>election_summary.parquet</c>: a candidate in an election of a variant.</summary>
internal sealed record CandidateRow(
    string Variant,
    string ElectionId,
    string Body,
    string SeatGroup,
    int Seats,
    string Candidate,
    string Name,
    bool Compromise,
    double PElected,
    double PElectedSe,
    double PElectedFirstBallot,
    int RoundsP50,
    int RoundsP90);
