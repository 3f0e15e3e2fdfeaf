namespace StemSimulator.Engine.Model;

/// <summary>
/// The measured analog shifts: the distribution of the per-trial shift of every member's latent support that a vote
/// takes from its analog's <see cref="AnalogKind"/> when the scenario gives no <c>spread</c>, and whether the vote is
/// anchored on the analog's recorded yes count. Each was chosen by the mean interval score of the 90% yes-count ranges
/// of the Assembly's whole-text roll calls of 2000-2009, each forecast from an analog of that kind chosen by the
/// written rule, with positions from calibrations that had not seen the vote's year; 2010-2019 only report
/// (<c>stemsim backtest --analog-kinds</c>, the table and command in docs/calibration.md, "Analog spread by kind").
/// </summary>
public static class AnalogSpreads
{
    /// <summary>
    /// A repeat of the same resolution: anchored on the analog's recorded yes count (<see cref="AnchorsOnCount"/>), then
    /// mostly a shift of sd 0.18, one trial in 20 sd 2.5 (chosen on 2000-2009).
    /// </summary>
    public static AnalogShiftDistribution Repeat { get; } = new(0.18, 2.5, 0.05);

    /// <summary>
    /// A repeat where the vote cannot be anchored on the analog's count (a Council draft taking an Assembly roll call's
    /// parameters): the normal shift chosen on 2000-2009 without anchoring.
    /// </summary>
    public static AnalogShiftDistribution RepeatUnanchored { get; } = AnalogShiftDistribution.Normal(0.6);

    /// <summary>A different text on the same subject: mostly sd 2.0, one trial in 20 sd 2.5 (chosen on 2000-2009).</summary>
    public static AnalogShiftDistribution SameSubject { get; } = new(2.0, 2.5, 0.05);

    /// <summary>
    /// A text with only the issue area in common: sd 2.5, four trials in 10 sd 3.0 (chosen on 2000-2009; 3.0 is the
    /// largest spread a scenario may give, where the score had stopped falling).
    /// </summary>
    public static AnalogShiftDistribution SameIssue { get; } = new(2.5, 3.0, 0.4);

    /// <summary>The measured shift of <paramref name="kind"/> (for an Assembly vote; see <see cref="RepeatUnanchored"/>).</summary>
    public static AnalogShiftDistribution Shift(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => Repeat,
        AnalogKind.SameSubject => SameSubject,
        AnalogKind.SameIssue => SameIssue,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    /// <summary>
    /// Whether an Assembly vote of <paramref name="kind"/> is anchored on its analog's recorded yes count: every member's
    /// latent support shifted by the one amount that makes the expected yes count without shocks the analog's
    /// (<see cref="AnalogAnchor"/>).
    /// </summary>
    public static bool AnchorsOnCount(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => true,
        AnalogKind.SameSubject => false,
        AnalogKind.SameIssue => false,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    /// <summary>The standard deviation of the measured shift of <paramref name="kind"/> (one number for the spread's size).</summary>
    public static double For(AnalogKind kind) => Shift(kind).StandardDeviation;

    /// <summary>The scenario spelling of <paramref name="kind"/> (repeat, same_subject, same_issue).</summary>
    public static string Name(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => "repeat",
        AnalogKind.SameSubject => "same_subject",
        AnalogKind.SameIssue => "same_issue",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };
}
