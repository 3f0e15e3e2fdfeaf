using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// One roll call forecast from one analog: the recorded yes counts and the simulated central yes-count ranges for
/// every candidate spread and level.
/// </summary>
/// <param name="Kind">The analog's kind.</param>
/// <param name="Year">The roll call's year (1945 + session).</param>
/// <param name="RollCall">The roll call's id.</param>
/// <param name="Analog">The analog's id.</param>
/// <param name="Actual">The recorded yes count.</param>
/// <param name="AnalogYes">The analog's own recorded yes count.</param>
/// <param name="Ranges">Ranges[s][l]: the central range at <see cref="AnalogSpreadStudy.Levels"/>[l] with the study's spread s.</param>
public sealed record AnalogCase(AnalogKind Kind, int Year, string RollCall, string Analog, int Actual, int AnalogYes, CountInterval[][] Ranges)
{
    /// <summary>
    /// CandidateRanges[c][l]: the central range at <see cref="AnalogSpreadStudy.Levels"/>[l] of the study's candidate
    /// c (<see cref="AnalogSpreadStudy.Candidates"/>); empty when the study scored none.
    /// </summary>
    public CountInterval[][] CandidateRanges { get; init; } = [];

    /// <summary>The simulated yes counts per trial of each of the study's simulations (<see cref="AnalogSpreadStudy.Simulations"/>), for offline study; empty unless kept.</summary>
    public int[][] Samples { get; init; } = [];

    /// <summary>The number of texts in the analog's population per <see cref="AnalogSpreadStudy.PopulationSessions"/> (the analog included); empty when not simulated.</summary>
    public int[] PopulationSizes { get; init; } = [];
}
