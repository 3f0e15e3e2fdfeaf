namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A multi-year scenario: members' positions drift year by year in every trial, pulled towards bloc centres and
/// moved by dated events; votes dated in these years use that year's drifted positions.
/// </summary>
public sealed class TimelineDocument
{
    /// <summary>First year (the start, drawn from the calibration), at or after the calibration year.</summary>
    public required int From { get; init; }

    /// <summary>Last year, after <see cref="From"/>, at most 50 years on.</summary>
    public required int To { get; init; }

    /// <summary>
    /// Standard deviation of each member's yearly step: <c>calibrated</c> (default: per member, from the year-to-year
    /// changes of its calibrated positions, shrunk towards the pooled value) or a number for every member (0 to 2).
    /// </summary>
    public string? Volatility { get; init; }

    /// <summary>Pulls on positions (China's pull, BRICS cohesion, Non-Aligned hedging, the EU).</summary>
    public AttractionDocument[]? Attraction { get; init; }

    /// <summary>Dated events: joining or leaving a bloc, a government change, a global shock.</summary>
    public DriftEventDocument[]? Events { get; init; }
}
