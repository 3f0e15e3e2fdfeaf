using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A historical roll call whose calibrated parameters a vote takes (discrimination beta and the cut-points), with
/// optional adjustments. Written as the symbol alone (<c>like: A/RES/68/262</c>) or as a mapping
/// (<c>like: { vote: A/RES/68/262, shift: 0.2, issue: human_rights }</c>).
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
}
