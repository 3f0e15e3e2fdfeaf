using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Evidence;

/// <summary>One member's recorded vote on an evidence roll call (absences carry no information on positions and are left out).</summary>
/// <param name="Member">Index of the member in the list given to <see cref="PositionEvidence.Update"/>.</param>
/// <param name="Vote">The recorded vote.</param>
/// <param name="Offset">The member's issue offset on this roll call (the mean of its offsets over the roll call's issue
/// areas; 0 without areas), added to its position: x = theta + offset.</param>
public readonly record struct EvidenceVote(int Member, OrdinalVote Vote, double Offset);
