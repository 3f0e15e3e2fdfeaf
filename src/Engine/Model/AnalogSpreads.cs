namespace StemSimulator.Engine.Model;

/// <summary>
/// The measured analog spreads: the standard deviation of the per-trial shift of every member's latent support that
/// a vote takes from its analog's <see cref="AnalogKind"/> when the scenario gives no <c>spread</c>. Each was chosen
/// by the mean interval score of the 90% yes-count ranges of the Assembly's whole-text roll calls of 2000-2009, each
/// forecast from an analog of that kind chosen by the written rule, with positions from calibrations that had not
/// seen the vote's year; 2010-2019 only report (<c>stemsim backtest --analog-kinds</c>, the table and command in
/// docs/calibration.md, "Analog spread by kind").
/// </summary>
public static class AnalogSpreads
{
    /// <summary>Spread of a repeat of the same resolution (chosen on 2000-2009).</summary>
    public const double Repeat = 0.6;

    /// <summary>Spread of a different text on the same subject (chosen on 2000-2009).</summary>
    public const double SameSubject = 2.0;

    /// <summary>
    /// Spread of a text with only the issue area in common (chosen on 2000-2009; the largest spread a scenario may
    /// give, where the score had stopped falling).
    /// </summary>
    public const double SameIssue = 3.0;

    /// <summary>The measured spread of <paramref name="kind"/>.</summary>
    public static double For(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => Repeat,
        AnalogKind.SameSubject => SameSubject,
        AnalogKind.SameIssue => SameIssue,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    /// <summary>The scenario spelling of <paramref name="kind"/> (repeat, same_subject, same_issue).</summary>
    public static string Name(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => "repeat",
        AnalogKind.SameSubject => "same_subject",
        AnalogKind.SameIssue => "same_issue",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };
}
