using System.Globalization;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// The population an Assembly vote of a population-drawn kind (<see cref="AnalogSpreads.PopulationSessions"/>) is drawn
/// from: the calibration's votes on whole texts (kind resolution, at least <see cref="MinimumPresent"/> members present)
/// of the <see cref="Sessions"/> sessions ending with the analog's that have exactly the analog's non-empty set of issue
/// areas (same_issue) or share a state concerned with it (same_subject, by <c>roll_call_concerns.csv</c>), or, for a
/// repeat, the same resolution's own earlier votes (<see cref="OwnHistory"/>); the analog always among them, first. Only
/// sessions up to the analog's: the rule the study measured (<c>AnalogChooser.Population</c>).
/// </summary>
/// <param name="Kind">The analog's kind.</param>
/// <param name="Sessions">Sessions counted back from the analog's, its own included (&gt;= 1).</param>
/// <param name="Texts">The population's roll calls, the analog first.</param>
public sealed record AnalogPopulation(AnalogKind Kind, int Sessions, IReadOnlyList<AnalogRollCall> Texts)
{
    /// <summary>Fewest members present (yes, no or abstain) for a roll call to join a population, as in the study.</summary>
    public const int MinimumPresent = 10;

    /// <summary>The recorded yes counts of <see cref="Texts"/>.</summary>
    public int[] YesCounts => Texts.Select(t => t.Yes).ToArray();

    /// <summary>
    /// Whether <paramref name="analog"/> says what its population of <paramref name="kind"/> is: issue areas for
    /// same_issue, a state concerned for same_subject; a repeat's always does (its own earlier votes, or itself alone).
    /// </summary>
    public static bool Defines(AnalogRollCall analog, AnalogKind kind, IReadOnlyDictionary<string, string[]> concerns) => kind switch
    {
        AnalogKind.SameSubject => concerns.TryGetValue(analog.Id, out var c) && c.Length > 0,
        AnalogKind.SameIssue => analog.IssueMask != 0,
        AnalogKind.Repeat => true,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
    };

    /// <summary>
    /// The population of <paramref name="analog"/> for <paramref name="kind"/> among <paramref name="rollCalls"/>;
    /// <paramref name="concerns"/> gives each roll call's states concerned by id (same_subject only).
    /// </summary>
    public static AnalogPopulation Of(IEnumerable<AnalogRollCall> rollCalls, AnalogRollCall analog, AnalogKind kind, int sessions, IReadOnlyDictionary<string, string[]> concerns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        var own = concerns.TryGetValue(analog.Id, out var c) ? c : [];
        Func<AnalogRollCall, bool>? qualifies = kind switch
        {
            AnalogKind.SameSubject => r => own.Length > 0 && concerns.TryGetValue(r.Id, out var theirs) && theirs.Intersect(own, StringComparer.Ordinal).Any(),
            AnalogKind.SameIssue => r => analog.IssueMask != 0 && r.IssueMask == analog.IssueMask,
            AnalogKind.Repeat => null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
        };
        if (qualifies is null)
        {
            return new AnalogPopulation(kind, sessions, OwnHistory(rollCalls, analog, sessions));
        }

        var texts = new List<AnalogRollCall> { analog };
        texts.AddRange(rollCalls.Where(r => r.Id != analog.Id && r.Kind == "resolution" && r.Year <= analog.Year && r.Year > analog.Year - sessions
            && r.Yes + r.No + r.Abstain >= MinimumPresent && qualifies(r)));
        return new AnalogPopulation(kind, sessions, texts);
    }

    /// <summary>
    /// The analog and the same resolution's votes of the <paramref name="sessions"/> - 1 sessions before it, newest
    /// first: going back one session at a time, the one whole text of that session whose title has the analog's key
    /// (<see cref="TitleText.Key"/>, as recurring resolutions are matched), stopping at the first session with none or
    /// with several (a title several texts share decides nothing).
    /// </summary>
    private static List<AnalogRollCall> OwnHistory(IEnumerable<AnalogRollCall> rollCalls, AnalogRollCall analog, int sessions)
    {
        string key = TitleText.Key(analog.Title);
        var history = new List<AnalogRollCall> { analog };
        if (key.Length == 0)
        {
            return history;
        }

        var byYear = rollCalls.Where(r => r.Id != analog.Id && r.Kind == "resolution" && r.Year < analog.Year && r.Year > analog.Year - sessions && TitleText.Key(r.Title) == key)
            .GroupBy(r => r.Year)
            .ToDictionary(g => g.Key, g => g.ToArray());
        for (int year = analog.Year - 1; year > analog.Year - sessions && byYear.TryGetValue(year, out var found) && found.Length == 1; year--)
        {
            if (found[0].Yes + found[0].No + found[0].Abstain < MinimumPresent)
            {
                break;
            }

            history.Add(found[0]);
        }

        return history;
    }

    /// <summary>
    /// "any of 57 texts of this issue area from 2012-2014 (the analog's session and the two before), each anchored on its
    /// recorded yes count" (of this subject: a state concerned in common).
    /// </summary>
    public string Describe()
    {
        int last = Texts[0].Year;
        if (Kind == AnalogKind.Repeat)
        {
            return Texts.Count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"the analog alone (no earlier vote of this resolution in the {Sessions - 1} session{(Sessions == 2 ? "" : "s")} before), anchored on its recorded yes count")
                : string.Create(CultureInfo.InvariantCulture, $"any of the {Texts.Count} votes of this resolution from {Texts[^1].Year}-{last} (the analog and its earlier votes), each anchored on its recorded yes count");
        }

        string relation = Kind == AnalogKind.SameSubject ? "on this subject (a state concerned in common)" : "of this issue area";
        string years = Sessions == 1 ? last.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{last - Sessions + 1}-{last}");
        return Texts.Count == 1
            ? $"the analog alone (no other text {relation} in {years}), anchored on its recorded yes count"
            : string.Create(CultureInfo.InvariantCulture, $"any of {Texts.Count} texts {relation} from {years} (the analog's session and the {(Sessions == 2 ? "one" : (Sessions - 1).ToString(CultureInfo.InvariantCulture))} before), each anchored on its recorded yes count");
    }
}
