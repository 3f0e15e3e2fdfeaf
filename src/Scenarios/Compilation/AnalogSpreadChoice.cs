using System.Globalization;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Where a vote's analog spread comes from: set by hand (<c>spread:</c>), or the measured spread of the analog's
/// kind (<see cref="AnalogSpreads"/>), given (<c>kind:</c>) or inferred from the record (the vote's title matches the
/// analog's: a repeat).
/// </summary>
/// <param name="Spread">The standard deviation of the per-trial shift, 0 to 3.</param>
/// <param name="Kind">The analog's kind; null when the spread was set by hand without one.</param>
/// <param name="ByHand">Whether <c>spread:</c> set it.</param>
/// <param name="Inferred">Whether the kind was inferred from the titles rather than written.</param>
public sealed record AnalogSpreadChoice(double Spread, AnalogKind? Kind, bool ByHand, bool Inferred)
{
    /// <summary>The three kinds as a scenario writes them, with what each means (for messages).</summary>
    public const string KindsInWords = "repeat (the same resolution's previous vote), same_subject (an earlier, different text on the same situation, agenda item or party concerned) or same_issue (only the issue area in common)";

    /// <summary>The engine's kind of a scenario's <paramref name="name"/>.</summary>
    public static AnalogKind ToKind(AnalogKindName name) => name switch
    {
        AnalogKindName.Repeat => AnalogKind.Repeat,
        AnalogKindName.SameSubject => AnalogKind.SameSubject,
        AnalogKindName.SameIssue => AnalogKind.SameIssue,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown analog kind."),
    };

    /// <summary>
    /// Whether the record says the vote repeats the analog: the vote's <paramref name="title"/> and the analog's
    /// <paramref name="analogTitle"/> have the same key (<see cref="TitleText.Key"/>, the comparison that matches
    /// recurring resolutions).
    /// </summary>
    public static bool TitlesMatch(string? title, string analogTitle)
    {
        string key = TitleText.Key(title ?? string.Empty);
        return key.Length > 0 && key == TitleText.Key(analogTitle);
    }

    /// <summary>
    /// The choice of a validated <paramref name="like"/>: its spread when set by hand, else its kind's measured spread;
    /// a validated analog without either was inferred a repeat. Null kind and no spread do not pass validation.
    /// </summary>
    /// <param name="like">The validated analog.</param>
    /// <param name="setting">Which value of the kind's measured spread to take (the measured one unless the band asks for an end of its range).</param>
    public static AnalogSpreadChoice Of(AnalogDocument like, AnalogSetting setting = AnalogSetting.Chosen) => like switch
    {
        { Spread: { } spread } => new AnalogSpreadChoice(Math.Clamp(spread, 0, 3), like.Kind is { } k ? ToKind(k) : null, ByHand: true, Inferred: false),
        { Kind: { } kind } => new AnalogSpreadChoice(AnalogSpreads.For(ToKind(kind), setting), ToKind(kind), ByHand: false, Inferred: false),
        _ => new AnalogSpreadChoice(AnalogSpreads.For(AnalogKind.Repeat, setting), AnalogKind.Repeat, ByHand: false, Inferred: true),
    };

    /// <summary>"spread 0.4, set by hand" or "spread 0.2 measured for a repeat (inferred: the title matches the analog's)".</summary>
    public string Describe()
    {
        string spread = Spread.ToString("0.###", CultureInfo.InvariantCulture);
        if (ByHand)
        {
            return $"spread {spread}, set by hand";
        }

        string kind = AnalogSpreads.Name(Kind!.Value);
        return Inferred
            ? $"spread {spread} measured for a {kind} analog (inferred: the title matches the analog's)"
            : $"spread {spread} measured for a {kind} analog";
    }
}
