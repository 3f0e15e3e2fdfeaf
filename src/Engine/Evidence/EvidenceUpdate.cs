namespace StemSimulator.Engine.Evidence;

/// <summary>The result of <see cref="PositionEvidence.Update"/>.</summary>
/// <param name="Members">Every member's position afterwards, in the order given.</param>
/// <param name="RollCalls">Every evidence roll call's fit, in the order given.</param>
public sealed record EvidenceUpdate(IReadOnlyList<MemberPosterior> Members, IReadOnlyList<EvidenceFit> RollCalls);
