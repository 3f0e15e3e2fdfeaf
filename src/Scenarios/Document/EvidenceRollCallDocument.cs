using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Document;

/// <summary>
/// What an evidence roll call resembles: a calibrated roll call (<c>like</c>, whose issue areas it takes and whose
/// parameters start the fit) or its issue areas (<c>issues</c>; none: the main position alone). Written as the
/// symbol alone (<c>A/RES/75/20: A/RES/74/10</c>) or as a mapping (<c>A/RES/75/20: { issues: [human_rights] }</c>).
/// </summary>
[ScalarShorthand(nameof(Like))]
public sealed class EvidenceRollCallDocument
{
    /// <summary>A calibrated roll call by symbol (A/RES/74/10) or roll-call id.</summary>
    public string? Like { get; init; }

    /// <summary>The roll call's issue areas, instead of <see cref="Like"/>'s.</summary>
    public IssueAreaName[]? Issues { get; init; }
}
