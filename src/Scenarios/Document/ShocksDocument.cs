using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Document;

/// <summary>
/// Sizes of the correlated shocks, in latent units (a member's own noise has standard deviation 1). Written as a
/// mapping, or as <c>shocks: calibrated</c> for the sizes the embedded calibration estimated (a global shock and one
/// per UN regional group, the EU, the OIC and the NAM); a mapping with <c>preset: calibrated</c> starts from those and
/// replaces the sizes it names.
/// </summary>
[ScalarShorthand(nameof(Preset))]
public sealed class ShocksDocument
{
    /// <summary><c>calibrated</c>: start from the calibration's shock sizes (see <c>calibration_model.csv</c>).</summary>
    public string? Preset { get; init; }

    /// <summary>Standard deviation of the shock shared by all members (0 to 5).</summary>
    public double? GlobalSd { get; init; }

    /// <summary>
    /// Standard deviation of each bloc's shared shock (0 to 5), keyed by bloc name (EU, AU, NAM, ...) or UN regional group
    /// (AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG).
    /// </summary>
    public Dictionary<string, double>? Blocs { get; init; }
}
