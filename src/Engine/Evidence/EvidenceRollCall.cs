using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Evidence;

/// <summary>A recorded roll call given as evidence with its members' votes.</summary>
/// <param name="Id">Its name (the resolution symbol), for results.</param>
/// <param name="Year">The calendar year of the vote: the year whose positions it informs.</param>
/// <param name="Votes">Each voting member's yes, abstain or no, at most one per member.</param>
/// <param name="Start">Where the fit of (beta, tau_1, tau_2) starts (the analog's parameters, or null for the vote shares).</param>
public sealed record EvidenceRollCall(string Id, int Year, IReadOnlyList<EvidenceVote> Votes, RollCallParameters? Start);
