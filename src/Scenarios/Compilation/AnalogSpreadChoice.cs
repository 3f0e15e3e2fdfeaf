using System.Globalization;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Where a vote's analog spread comes from: set by hand (<c>spread:</c>), or the measured spread of the analog's
/// kind (<see cref="AnalogSpreads"/>), given (<c>kind:</c>) or inferred from the record (the vote's title matches the
/// analog's: a repeat).
/// </summary>
/// <param name="Spread">The standard deviation of the per-trial shift, 0 to 3 (of <see cref="Shift"/>, a normal shift when set by hand).</param>
/// <param name="Kind">The analog's kind; null when the spread was set by hand without one.</param>
/// <param name="ByHand">Whether <c>spread:</c> set it.</param>
/// <param name="Inferred">Whether the kind was inferred from the titles rather than written.</param>
public sealed record AnalogSpreadChoice(double Spread, AnalogKind? Kind, bool ByHand, bool Inferred)
{
    /// <summary>The per-trial shift: N(0, spread^2) when set by hand, else the kind's measured shift.</summary>
    public AnalogShiftDistribution Shift { get; init; } = AnalogShiftDistribution.Normal(Spread);

    /// <summary>Whether the vote is anchored on the analog's recorded yes count (a measured repeat, on an Assembly vote).</summary>
    public bool AnchorsOnCount { get; init; }

    /// <summary>
    /// 0, or the sessions of the population the vote is drawn from (a measured kind on an Assembly vote,
    /// <see cref="AnalogPopulation"/>); <see cref="Shift"/> is then the jitter added to the population draw.
    /// </summary>
    public int PopulationSessions { get; init; }

    /// <summary>
    /// The jitter of the population draw (with <see cref="PopulationSessions"/>): the kind's measured rule
    /// (<see cref="MeasuredAnalogSpread.PopulationJitter"/>); null for none.
    /// </summary>
    public PopulationJitter? Jitter { get; init; }

    /// <summary>The population drawn from, when the caller found it (<see cref="WithPopulation"/>); words only.</summary>
    public AnalogPopulation? Population { get; init; }

    /// <summary>
    /// This choice with the population found in the calibration's roll calls for <paramref name="analog"/>, when it draws
    /// from one. An analog that does not say what its population would be (same_issue without issue areas, same_subject
    /// without a state concerned) takes the kind's unanchored shift at <paramref name="setting"/> instead.
    /// </summary>
    public AnalogSpreadChoice WithPopulation(IEnumerable<AnalogRollCall> rollCalls, AnalogRollCall analog, IReadOnlyDictionary<string, string[]> concerns, AnalogSetting setting = AnalogSetting.Chosen)
    {
        if (PopulationSessions == 0 || Kind is not { } kind)
        {
            return this;
        }

        if (!AnalogPopulation.Defines(analog, kind, concerns))
        {
            var shift = AnalogSpreads.AtSetting(AnalogSpreads.UnanchoredShift(kind), kind, setting);
            return this with { Spread = shift.StandardDeviation, Shift = shift, PopulationSessions = 0, Jitter = null };
        }

        return this with { Population = AnalogPopulation.Of(rollCalls, analog, kind, PopulationSessions, concerns) };
    }

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
    /// The choice of a validated <paramref name="like"/>: its spread when set by hand, else its kind's measured shift;
    /// a validated analog without either was inferred a repeat. Null kind and no spread do not pass validation. A
    /// repeat is anchored on the analog's recorded count only on an Assembly vote (<paramref name="assembly"/>); a
    /// Council draft, whose count the Assembly's cannot anchor, takes <see cref="AnalogSpreads.RepeatUnanchored"/>.
    /// </summary>
    /// <param name="like">The validated analog.</param>
    /// <param name="assembly">Whether the vote is an Assembly vote (a repeat is anchored only there).</param>
    /// <param name="setting">Which value of the kind's measured shift to take (the measured one unless the band asks for an end of its plausible range).</param>
    /// <param name="population">Whether an Assembly vote of a population-drawn kind may draw from its population (false for evidence known by its totals, which takes the unanchored shape).</param>
    public static AnalogSpreadChoice Of(AnalogDocument like, bool assembly = true, AnalogSetting setting = AnalogSetting.Chosen, bool population = true) => like switch
    {
        { Spread: { } spread } => new AnalogSpreadChoice(Math.Clamp(spread, 0, 3), like.Kind is { } k ? ToKind(k) : null, ByHand: true, Inferred: false),
        { Kind: { } kind } => Measured(ToKind(kind), assembly, setting, inferred: false, population),
        _ => Measured(AnalogKind.Repeat, assembly, setting, inferred: true, population),
    };

    private static AnalogSpreadChoice Measured(AnalogKind kind, bool assembly, AnalogSetting setting, bool inferred, bool population)
    {
        int sessions = assembly && population ? AnalogSpreads.PopulationSessions(kind) : 0;
        // A population draw anchors on each of its texts; a kind that anchors without one (a repeat of evidence known by its
        // totals) anchors on the analog alone, its population of one.
        bool anchored = assembly && sessions == 0 && AnalogSpreads.AnchorsOnCount(kind);
        var chosen = anchored || sessions > 0 ? AnalogSpreads.Shift(kind) : AnalogSpreads.UnanchoredShift(kind);
        var shift = AnalogSpreads.AtSetting(chosen, kind, setting);
        return new AnalogSpreadChoice(shift.StandardDeviation, kind, ByHand: false, Inferred: inferred) { Shift = shift, AnchorsOnCount = anchored, PopulationSessions = sessions, Jitter = sessions > 0 ? AnalogSpreads.Of(kind).Jitter : null };
    }

    /// <summary>
    /// "spread 0.4, set by hand" or "shift measured for a repeat analog (inferred: the title matches the analog's):
    /// anchored on its recorded yes count, sd 0.3".
    /// </summary>
    public string Describe()
    {
        if (ByHand)
        {
            return $"spread {Number(Spread)}, set by hand";
        }

        string kind = AnalogSpreads.Name(Kind!.Value);
        string spread = Shift.IsMixture
            ? $"sd {Number(Shift.NarrowSd)}, in {Number(100 * Shift.WideProbability)}% of runs sd {Number(Shift.WideSd)}"
            : $"sd {Number(Shift.NarrowSd)}";
        // A population of one text may take a jitter of its own (AnalogSpreads.RepeatOneTextJitter).
        double jitter = Population is { Texts.Count: 1 } && Jitter is { } rule ? rule.OneText : Shift.StandardDeviation;
        string shape = PopulationSessions > 0
            ? $"the text is drawn in each run as {Population?.Describe() ?? $"any {PopulationWords(Kind.Value)} from its session and the {(PopulationSessions == 2 ? "one" : Number(PopulationSessions - 1))} before, each anchored on its recorded yes count"}{(jitter > 0 ? $", then shifted with {(jitter == Shift.StandardDeviation ? spread : $"sd {Number(jitter)}")}" : string.Empty)}"
            : (AnchorsOnCount ? "anchored on its recorded yes count, " : "") + spread;
        return Inferred
            ? $"shift measured for a {kind} analog (inferred: the title matches the analog's): {shape}"
            : $"shift measured for a {kind} analog: {shape}";
    }

    /// <summary>What a population of <paramref name="kind"/> holds, for the words used before the population is found.</summary>
    private static string PopulationWords(AnalogKind kind) => kind switch
    {
        AnalogKind.Repeat => "vote of the analog's resolution",
        AnalogKind.SameSubject => "text on the analog's subject",
        AnalogKind.SameIssue => "text of the analog's issue area",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
