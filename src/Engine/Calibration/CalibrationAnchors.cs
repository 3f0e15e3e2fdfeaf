namespace StemSimulator.Engine.Calibration;

/// <summary>
/// What an incremental fit keeps fixed from an earlier calibration: the members' states in the year before the fitted
/// years (<see cref="MemberAnchor"/>) and, for roll calls bridged to a roll call before the fitted years, that roll
/// call's parameters (the bridge prior pulls towards them as it pulls towards a fitted partner). With anchors the
/// scale of the positions is the earlier calibration's: the fit neither re-centres, re-scales nor flips them.
/// </summary>
/// <param name="Members">Per member its anchor, or null for a member the earlier calibration did not have.</param>
/// <param name="RollCallPartners">Per roll call the fixed parameters of its bridged partners before the fitted years (often none).</param>
public sealed record CalibrationAnchors(IReadOnlyList<MemberAnchor?> Members, IReadOnlyList<IReadOnlyList<RollCallParameters>> RollCallPartners);
