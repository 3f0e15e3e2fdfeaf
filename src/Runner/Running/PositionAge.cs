using System.Globalization;
using StemSimulator.Engine.Model;

namespace StemSimulator.Runner.Running;

/// <summary>
/// How old the calibrated positions are for one vote: the calibration year the votes start from and the time from
/// its end (31 December; a session's recorded votes fall mostly in its autumn) to the vote. The model widens each
/// position's uncertainty by the calibration's yearly random-walk step for every calendar year between the
/// calibration year and the vote's year (variance se^2 + years * step^2), so a vote in the calibration year itself is
/// not widened.
/// </summary>
/// <param name="VoteId">The vote.</param>
/// <param name="VoteDate">Its date.</param>
/// <param name="CalibrationYear">The calibration year of the positions.</param>
/// <param name="StepSd">The yearly random-walk step of positions (0 or more).</param>
internal sealed record PositionAge(string VoteId, DateOnly VoteDate, int CalibrationYear, double StepSd)
{
    /// <summary>Votes further than this many years past the calibration are warned about (no recorded votes since inform them).</summary>
    public const double WarnAfterYears = 2;

    /// <summary>Years from the end of the calibration year to the vote (negative for a vote within or before it).</summary>
    public double Years => (VoteDate.DayNumber - new DateOnly(CalibrationYear, 12, 31).DayNumber) / 365.25;

    /// <summary>Calendar years of drift the model adds to the positions' uncertainty.</summary>
    public int WidenedYears => Math.Max(0, VoteDate.Year - CalibrationYear);

    /// <summary>The latest year of the scenario's members'-vote evidence (which updates the positions), or null.</summary>
    public int? EvidenceYear { get; init; }

    /// <summary>Whether the vote is more than <see cref="WarnAfterYears"/> past the calibration and past its latest evidence.</summary>
    public bool Stale => Years > WarnAfterYears && (EvidenceYear is not { } evidence || (VoteDate.DayNumber - new DateOnly(evidence, 12, 31).DayNumber) / 365.25 > WarnAfterYears);

    /// <summary>"positions as of 2021, 4.9 years before this vote; ranges widened accordingly (...)".</summary>
    public string Describe() => WidenedYears > 0
        ? string.Create(CultureInfo.InvariantCulture,
            $"{VoteId}: positions as of {CalibrationYear}, {Math.Max(0, Years):0.0} years before this vote; ranges widened accordingly ({WidenedYears} year(s) of drift at {StepSd:0.###} per year){(EvidenceYear is { } e ? $"; the evidence of {e} updates the positions of the members who voted in it" : string.Empty)}")
        : string.Create(CultureInfo.InvariantCulture,
            $"{VoteId}: positions as of {CalibrationYear}, the year of this vote; ranges not widened");

    /// <summary>The warning for a stale vote, or null.</summary>
    public string? Warning() => Stale
        ? string.Create(CultureInfo.InvariantCulture,
            $"warning: {VoteId} is {Years:0.0} years past the calibration ({CalibrationYear}) and no recorded vote since then informs its positions")
        : null;

    /// <summary>The ages of the votes of the baseline (the variants share its votes and dates unless they move them).</summary>
    public static IReadOnlyList<PositionAge> Of(SimulationModel model, int calibrationYear, double stepSd, int? evidenceYear = null) =>
        model.Variants[0].Votes.Select(v => new PositionAge(v.Id, v.Date, calibrationYear, stepSd) { EvidenceYear = evidenceYear }).ToArray();

    /// <summary>The <c>stemsim.positions_age</c> value: every vote's line, then its warning, joined by "; ".</summary>
    public static string Metadata(IEnumerable<PositionAge> ages) =>
        string.Join("; ", ages.SelectMany(a => a.Warning() is { } w ? new[] { a.Describe(), w } : [a.Describe()]));
}
