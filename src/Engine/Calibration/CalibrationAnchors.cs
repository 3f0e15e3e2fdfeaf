namespace StemSimulator.Engine.Calibration;

/// <summary>
/// What an incremental fit keeps fixed from an earlier calibration: the members' states in the year before the fitted
/// years (<see cref="MemberAnchor"/>) and, for roll calls bridged to a roll call before the fitted years, that roll
/// call's parameters (the bridge prior pulls towards them as it pulls towards a fitted partner).
/// </summary>
/// <remarks>
/// A full fit is identified by re-centring and re-scaling the positions to mean 0 and standard deviation 1 over all
/// member-years with votes after every iteration; without such a constraint the random-walk prior would shrink the
/// refitted years towards each other (every link's penalty falls with the spread, and the discriminations make up
/// for it). An anchored fit keeps the same constraint on the refitted years the earlier calibration also had: after
/// every iteration their member-years with votes are mapped to the mean <see cref="ScaleMean"/> and standard
/// deviation <see cref="ScaleSd"/> they had there (x' = (x - m) / s * ScaleSd + ScaleMean, the roll calls' parameters
/// inversely, every probability unchanged). Positions are never flipped.
/// </remarks>
/// <param name="Members">Per member its anchor, or null for a member the earlier calibration did not have.</param>
/// <param name="RollCallPartners">Per roll call the fixed parameters of its bridged partners before the fitted years (often none).</param>
/// <param name="ScaleYears">
/// How many of the first fitted years the earlier calibration also had (their member-years with votes keep its
/// mean and spread), &gt;= 0; 0 leaves the scale to the anchors alone.
/// </param>
/// <param name="ScaleMean">The earlier calibration's mean theta over those member-years.</param>
/// <param name="ScaleSd">The earlier calibration's standard deviation of theta over those member-years, &gt; 0.</param>
public sealed record CalibrationAnchors(
    IReadOnlyList<MemberAnchor?> Members,
    IReadOnlyList<IReadOnlyList<RollCallParameters>> RollCallPartners,
    int ScaleYears = 0,
    double ScaleMean = 0,
    double ScaleSd = 1);
