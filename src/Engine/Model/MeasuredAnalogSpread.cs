namespace StemSimulator.Engine.Model;

/// <summary>
/// Everything measured about one <see cref="AnalogKind"/>, held once (<see cref="AnalogSpreads.Of"/>): the shift a vote
/// of that kind takes, whether an Assembly vote of that kind is anchored on its analog's recorded yes count, and the
/// normal-shift study's choice with its plausible range (docs/calibration.md, "Analog spread by kind" and "How sure the
/// choice is").
/// </summary>
/// <param name="Kind">The analog kind described.</param>
/// <param name="Name">The scenario spelling of the kind (repeat, same_subject, same_issue).</param>
/// <param name="Shift">The measured shift of an Assembly vote of this kind.</param>
/// <param name="AnchorsOnCount">Whether an Assembly vote of this kind is anchored on its analog's recorded yes count.</param>
/// <param name="NormalStudyChoice">The spread the normal-shift study chose, &gt; 0, inside [<paramref name="PlausibleLow"/>, <paramref name="PlausibleHigh"/>].</param>
/// <param name="PlausibleLow">Low end of the plausible spread in the normal-shift study (central 90% of the bootstrap choices), &gt; 0.</param>
/// <param name="PlausibleHigh">High end of that plausible spread, &gt;= <paramref name="PlausibleLow"/>; at most 3.0, the largest spread a scenario may give.</param>
/// <param name="PopulationSessions">
/// 0, or the sessions of an Assembly vote's population draw: the vote is drawn per trial as any text of the analog's
/// population of that many sessions ending with the analog's, anchored on its recorded yes count, and <paramref name="Shift"/>
/// is the normal jitter added (docs/calibration.md, "Analog spread by kind").
/// </param>
/// <param name="Unanchored">
/// The shift of a vote of this kind that can be neither anchored nor drawn from a population (a Council draft, evidence
/// known by its totals); null for <paramref name="Shift"/> itself.
/// </param>
/// <param name="Jitter">
/// The jitter of a population draw when it is not simply <paramref name="Shift"/>'s sd for every population (one that
/// follows the population, or another sd for a population of one text); null for that sd throughout.
/// </param>
public sealed record MeasuredAnalogSpread(
    AnalogKind Kind,
    string Name,
    AnalogShiftDistribution Shift,
    bool AnchorsOnCount,
    double NormalStudyChoice,
    double PlausibleLow,
    double PlausibleHigh,
    int PopulationSessions = 0,
    AnalogShiftDistribution? Unanchored = null,
    PopulationJitter? Jitter = null)
{
    /// <summary>The jitter of a population draw of this kind: <see cref="Jitter"/>, or <see cref="Shift"/>'s sd for every population.</summary>
    public PopulationJitter PopulationJitter => Jitter ?? PopulationJitter.Fixed(Shift.NarrowSd, Shift.NarrowSd);

    /// <summary>The shift of a vote of this kind that is neither anchored nor drawn from a population.</summary>
    public AnalogShiftDistribution UnanchoredShift => Unanchored ?? Shift;
}
