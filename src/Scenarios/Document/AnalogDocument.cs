using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A historical roll call whose calibrated parameters a vote takes (discrimination beta and the cut-points), with
/// optional adjustments. Written as the symbol alone (<c>like: A/RES/68/262</c>) or as a mapping
/// (<c>like: { vote: A/RES/68/262, kind: same_subject, shift: 0.2, issue: human_rights }</c>).
/// </summary>
[ScalarShorthand(nameof(Vote))]
public sealed class AnalogDocument
{
    /// <summary>The roll call: a resolution symbol (A/RES/68/262) or a roll-call id of the calibration (5309).</summary>
    public string Vote { get; init; } = string.Empty;

    /// <summary>
    /// Shift of every member's latent support for yes, -10 to 10 (0.2: the text is a little easier to support than
    /// the analog; both cut-points move down by 0.2).
    /// </summary>
    public double? Shift { get; init; }

    /// <summary>The issue area whose offsets apply instead of the analog's own (none: the main position alone).</summary>
    public IssueAreaName? Issue { get; init; }

    /// <summary>
    /// How the analog relates to the new text: repeat (the same resolution's previous vote), same_subject (an earlier,
    /// different text on the same situation, agenda item or party concerned) or same_issue (only the issue area in
    /// common). The vote takes that kind's measured spread (docs/calibration.md). Inferred as repeat when the vote's
    /// title matches the analog's (as recurring resolutions are matched); otherwise required unless
    /// <see cref="Spread"/> is given.
    /// </summary>
    public AnalogKindName? Kind { get; init; }

    /// <summary>
    /// How far the new text may sit from the analog, 0 to 3: the standard deviation of a shift of every member's
    /// latent support drawn per trial (the uncertainty of the choice of analog, kept apart from the other shocks).
    /// Set by hand, it replaces the measured spread of the analog's <see cref="Kind"/>.
    /// </summary>
    public double? Spread { get; init; }
}
