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

    /// <summary>Low end of a repeat's plausible range.</summary>
    public const double RepeatLow = 0.6;

    /// <summary>High end of a repeat's plausible range.</summary>
    public const double RepeatHigh = 0.8;

    /// <summary>Low end of a same-subject analog's plausible range.</summary>
    public const double SameSubjectLow = 1.6;

    /// <summary>High end of a same-subject analog's plausible range.</summary>
    public const double SameSubjectHigh = 2.5;

    /// <summary>Low end of a same-issue analog's plausible range.</summary>
    public const double SameIssueLow = 2.5;

    /// <summary>High end of a same-issue analog's plausible range (the largest spread a scenario may give).</summary>
    public const double SameIssueHigh = 3.0;

    /// <summary>The measured spread of <paramref name="kind"/>.</summary>
    public static double For(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => Repeat,
        AnalogKind.SameSubject => SameSubject,
        AnalogKind.SameIssue => SameIssue,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    /// <summary>
    /// The plausible range of <paramref name="kind"/>'s spread: the central 90% of the spreads chosen on bootstrap
    /// resamples of the choosing years' roll calls (docs/calibration.md, "How sure the choice is"; a grid value, so the ends are the study's grid points). The band over the
    /// assumptions reruns a vote at both ends; it takes them from here only.
    /// </summary>
    public static (double Low, double High) PlausibleRange(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => (RepeatLow, RepeatHigh),
        AnalogKind.SameSubject => (SameSubjectLow, SameSubjectHigh),
        AnalogKind.SameIssue => (SameIssueLow, SameIssueHigh),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    /// <summary>The spread of <paramref name="kind"/> at <paramref name="setting"/>.</summary>
    public static double For(AnalogKind kind, AnalogSetting setting) => setting switch
    {
        AnalogSetting.Chosen => For(kind),
        AnalogSetting.Low => PlausibleRange(kind).Low,
        AnalogSetting.High => PlausibleRange(kind).High,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Unknown analog setting."),
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
