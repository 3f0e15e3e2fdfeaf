namespace StemSimulator.Engine.ConcernedParty;

/// <summary>The backtest of an effect on test roll calls: the concerned state's vote and every member's log loss.</summary>
/// <param name="RollCalls">Test roll calls.</param>
/// <param name="ConcernedVotes">The concerned states' votes.</param>
/// <param name="ConcernedHits">Of those, predicted right by the effect's modal choice.</param>
/// <param name="ConcernedHitsWithout">Of those, predicted right by the base model's modal choice.</param>
/// <param name="Votes">All members' votes scored.</param>
/// <param name="LogLossWithout">Mean negative log probability per vote, base model.</param>
/// <param name="LogLossWith">Mean negative log probability per vote, with the effect.</param>
/// <param name="ByState">Per concerned state: hits and votes with the effect.</param>
public sealed record ConcernedPartyScore(
    int RollCalls,
    int ConcernedVotes,
    int ConcernedHits,
    int ConcernedHitsWithout,
    int Votes,
    double LogLossWithout,
    double LogLossWith,
    IReadOnlyDictionary<string, (int Hits, int Votes)> ByState);
