namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>What the drift backtest does; defaults are those of <c>stemsim drift-backtest</c>.</summary>
public sealed record DriftBacktestSettings
{
    /// <summary>The origin: the last calibrated year and the start of the simulated paths.</summary>
    public int From { get; init; } = 2009;

    /// <summary>Last simulated year.</summary>
    public int To { get; init; } = 2019;

    /// <summary>Start of the in-sample period on which attraction strengths are fitted (paths FitFrom to From).</summary>
    public int FitFrom { get; init; } = 2000;

    /// <summary>
    /// First year of the member-years on which the two calibrations' scales are aligned (up to From). Recent years:
    /// the two calibrations differ by a drift over the decades that one linear map cannot absorb.
    /// </summary>
    public int AlignFrom { get; init; } = 2000;

    /// <summary>First year of the changes the volatilities are calibrated from (as scenarios do).</summary>
    public int VolatilityFrom { get; init; } = DriftVolatility.DefaultFromYear;

    /// <summary>Trials per simulation.</summary>
    public int Trials { get; init; } = 2000;

    /// <summary>Seed of the counter-based random numbers.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Strengths tried per attraction (0, no attraction, is always tried as well).</summary>
    public IReadOnlyList<double> Strengths { get; init; } = [0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2];
}
