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
    /// A repeat of the same resolution on an Assembly vote: the jitter added to the draw from the resolution's own votes
    /// of <see cref="RepeatSessions"/> sessions (the analog and its earlier votes, each anchored on its recorded yes
    /// count), sd 0 (chosen on 2000-2009 among the population jitters); a repeat that cannot draw its own votes (evidence
    /// known by its totals) is anchored on the analog alone with the same jitter.
    /// </summary>
    public static AnalogShiftDistribution Repeat { get; } = AnalogShiftDistribution.Normal(0);

    /// <summary>The sessions of a repeat's draw from its own votes on an Assembly vote (chosen on 2000-2009 among 2, 3 and 5).</summary>
    public const int RepeatSessions = 2;

    /// <summary>
    /// The jitter sd of a repeat's draw when its population is one text (a resolution voted once in those sessions):
    /// 0.1, chosen on 2000-2009 with the jitter of larger populations among the fixed jitters 0-3.0 (round 7); the other
    /// populations keep <see cref="Repeat"/>'s sd.
    /// </summary>
    public const double RepeatOneTextJitter = 0.1;

    /// <summary>
    /// A repeat where the vote cannot be anchored on the analog's count (a Council draft taking an Assembly roll call's
    /// parameters): the normal shift chosen on 2000-2009 without anchoring.
    /// </summary>
    public static AnalogShiftDistribution RepeatUnanchored { get; } = AnalogShiftDistribution.Normal(0.6);

    /// <summary>
    /// A different text on the same subject, where it can be neither anchored nor drawn from a population (a Council
    /// draft): mostly sd 2.0, one trial in 20 sd 2.5 (chosen on 2000-2009 among the unanchored shapes).
    /// </summary>
    public static AnalogShiftDistribution SameSubjectUnanchored { get; } = new(2.0, 2.5, 0.05);

    /// <summary>
    /// A text with only the issue area in common, where it can be neither anchored nor drawn from a population (a Council
    /// draft): sd 2.5, four trials in 10 sd 3.0 (chosen on 2000-2009 among the unanchored shapes; 3.0 is the largest
    /// spread a scenario may give, where the score had stopped falling).
    /// </summary>
    public static AnalogShiftDistribution SameIssueUnanchored { get; } = new(2.5, 3.0, 0.4);

    /// <summary>The sessions of same_subject's population draw on an Assembly vote (chosen on 2000-2009 among 2, 3 and 5).</summary>
    public const int SameSubjectSessions = 3;

    /// <summary>The sessions of same_issue's population draw on an Assembly vote (chosen on 2000-2009 among 2, 3 and 5).</summary>
    public const int SameIssueSessions = 2;

    /// <summary>
    /// A different text on the same subject, on an Assembly vote: the jitter added to the population draw of
    /// <see cref="SameSubjectSessions"/> sessions, none (chosen on 2000-2009 among 0, 0.18, 0.3, 0.6 and 1.0).
    /// </summary>
    public static AnalogShiftDistribution SameSubject { get; } = AnalogShiftDistribution.Normal(0);

    /// <summary>
    /// A text with only the issue area in common, on an Assembly vote: the jitter added to the population draw of
    /// <see cref="SameIssueSessions"/> sessions, none (chosen on 2000-2009 among 0, 0.18, 0.3, 0.6 and 1.0).
    /// </summary>
    public static AnalogShiftDistribution SameIssue { get; } = AnalogShiftDistribution.Normal(0);

    /// <summary>
    /// What was measured for <paramref name="kind"/>: its shift, anchoring, and the normal-shift study's choice with its
    /// plausible range (the one switch over the closed set of kinds; an unknown kind throws).
    /// </summary>
    public static MeasuredAnalogSpread Of(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => RepeatMeasured,
        AnalogKind.SameSubject => SameSubjectMeasured,
        AnalogKind.SameIssue => SameIssueMeasured,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    /// <summary>The measured shift of <paramref name="kind"/> (for an Assembly vote; see <see cref="RepeatUnanchored"/>).</summary>
    public static AnalogShiftDistribution Shift(AnalogKind kind) => Of(kind).Shift;

    /// <summary>
    /// Whether an Assembly vote of <paramref name="kind"/> is anchored on its analog's recorded yes count: every member's
    /// latent support shifted by the one amount that makes the expected yes count without shocks the analog's
    /// (<see cref="AnalogAnchor"/>).
    /// </summary>
    public static bool AnchorsOnCount(AnalogKind kind) => Of(kind).AnchorsOnCount;

    /// <summary>
    /// The sessions of <paramref name="kind"/>'s population draw on an Assembly vote (the vote drawn per trial as any text
    /// of the analog's population, anchored on its recorded count, plus <see cref="Shift"/>), or 0 for none.
    /// </summary>
    public static int PopulationSessions(AnalogKind kind) => Of(kind).PopulationSessions;

    /// <summary>The shift of a vote of <paramref name="kind"/> that is neither anchored nor drawn from a population (a Council draft).</summary>
    public static AnalogShiftDistribution UnanchoredShift(AnalogKind kind) => Of(kind).UnanchoredShift;

    /// <summary>
    /// The factor by which a population draw's spread about its mean is scaled at <paramref name="setting"/>: 1 for the
    /// chosen value, else the end of <see cref="PlausibleRange"/> over <see cref="NormalStudyChoice"/> (the approximation
    /// <see cref="AtSetting"/> makes for every shape).
    /// </summary>
    public static double SettingScale(AnalogKind kind, AnalogSetting setting) => setting switch
    {
        AnalogSetting.Chosen => 1,
        AnalogSetting.Low => PlausibleRange(kind).Low / NormalStudyChoice(kind),
        AnalogSetting.High => PlausibleRange(kind).High / NormalStudyChoice(kind),
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Unknown analog setting."),
    };

    /// <summary>The standard deviation of the measured shift of <paramref name="kind"/> (one number for the spread's size).</summary>
    public static double For(AnalogKind kind) => Shift(kind).StandardDeviation;

    /// <summary>
    /// The plausible range of <paramref name="kind"/>'s spread in the normal-shift study: the central 90% of the spreads
    /// chosen on bootstrap resamples of the choosing years' roll calls (docs/calibration.md, "How sure the choice is"),
    /// around that study's choice (<see cref="NormalStudyChoice"/>).
    /// </summary>
    public static (double Low, double High) PlausibleRange(AnalogKind kind) => (Of(kind).PlausibleLow, Of(kind).PlausibleHigh);

    /// <summary>The spread the normal-shift study chose for <paramref name="kind"/> (0.6, 2.0, 3.0), inside <see cref="PlausibleRange"/>.</summary>
    public static double NormalStudyChoice(AnalogKind kind) => Of(kind).NormalStudyChoice;

    /// <summary>
    /// <paramref name="chosen"/>, <paramref name="kind"/>'s measured shift, at <paramref name="setting"/>: itself for
    /// the chosen value; at the ends of the band over the assumptions, rescaled by the ends of
    /// <see cref="PlausibleRange"/> over <see cref="NormalStudyChoice"/>. The bootstrap was run for the normal shift; its
    /// relative uncertainty is applied to the shapes chosen later (an approximation until the bootstrap is rerun for
    /// them). A normal shift at the study's choice (an unanchored repeat) lands exactly on the range's ends.
    /// </summary>
    public static AnalogShiftDistribution AtSetting(AnalogShiftDistribution chosen, AnalogKind kind, AnalogSetting setting) => setting switch
    {
        AnalogSetting.Chosen => chosen,
        AnalogSetting.Low => chosen.Rescaled(NormalStudyChoice(kind), PlausibleRange(kind).Low),
        AnalogSetting.High => chosen.Rescaled(NormalStudyChoice(kind), PlausibleRange(kind).High),
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Unknown analog setting."),
    };

    /// <summary>The standard deviation of <paramref name="kind"/>'s measured shift at <paramref name="setting"/>.</summary>
    public static double For(AnalogKind kind, AnalogSetting setting) => AtSetting(Shift(kind), kind, setting).StandardDeviation;

    /// <summary>The scenario spelling of <paramref name="kind"/> (repeat, same_subject, same_issue).</summary>
    public static string Name(AnalogKind kind) => Of(kind).Name;

    // Declared after the shifts they hold: static initialisers run in textual order.
    private static readonly MeasuredAnalogSpread RepeatMeasured = new(AnalogKind.Repeat, "repeat", Repeat, AnchorsOnCount: true, NormalStudyChoice: 0.6, PlausibleLow: 0.6, PlausibleHigh: 0.8, RepeatSessions, RepeatUnanchored, PopulationJitter.Fixed(Repeat.NarrowSd, RepeatOneTextJitter));

    private static readonly MeasuredAnalogSpread SameSubjectMeasured = new(AnalogKind.SameSubject, "same_subject", SameSubject, AnchorsOnCount: false, NormalStudyChoice: 2.0, PlausibleLow: 1.6, PlausibleHigh: 2.5, SameSubjectSessions, SameSubjectUnanchored);

    // 3.0 is the largest spread a scenario may give.
    private static readonly MeasuredAnalogSpread SameIssueMeasured = new(AnalogKind.SameIssue, "same_issue", SameIssue, AnchorsOnCount: false, NormalStudyChoice: 3.0, PlausibleLow: 2.5, PlausibleHigh: 3.0, SameIssueSessions, SameIssueUnanchored);
}
