using System.Collections.Frozen;
using System.Globalization;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// How the embedded calibration was made and what it estimated beyond positions
/// (<c>ReferenceData/calibration_model.csv</c>: key,value rows written by <c>stemsim calibrate</c>).
/// </summary>
public sealed class CalibrationModel
{
    internal CalibrationModel(IReadOnlyDictionary<string, string> values)
    {
        Values = values.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every key and value as written.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The command line that made the table.</summary>
    public string Command => Values.GetValueOrDefault("command", string.Empty);

    /// <summary>When the table was made (UTC, ISO 8601).</summary>
    public string Created => Values.GetValueOrDefault("created_utc", string.Empty);

    /// <summary>A numeric value, or null when absent or not a number.</summary>
    public double? Number(string key) =>
        Values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : null;
}
