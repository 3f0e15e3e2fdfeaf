using System.Globalization;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>The scenario's <c>calibration</c> value read as a year (digits) or else as the path of a table.</summary>
internal static class CalibrationChoice
{
    /// <summary>The year written, or null when the value is absent or not a whole number.</summary>
    public static int? YearOf(string? value) =>
        value is not null && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int year) ? year : null;

    /// <summary>The table path written, or null when the value is absent, empty or a year.</summary>
    public static string? FileOf(string? value) =>
        value is { Length: > 0 } && YearOf(value) is null ? value : null;
}
