namespace StemSimulator.Runner.DriftBacktesting;

/// <summary>What <c>stemsim drift-backtest</c> was asked to do.</summary>
internal sealed record DriftBacktestRequest
{
    /// <summary>The shared UN data folder (calibrated up to <see cref="From"/>), or null with <see cref="CalibrationFile"/>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>A positions table <c>stemsim calibrate --until From</c> wrote, used instead of calibrating; or null.</summary>
    public string? CalibrationFile { get; init; }

    /// <summary>The origin: calibrate on the roll calls up to this year and simulate from it.</summary>
    public int From { get; init; } = 2009;

    /// <summary>Last simulated year.</summary>
    public int To { get; init; } = 2019;

    /// <summary>First year of the in-sample period on which attraction strengths are fitted.</summary>
    public int FitFrom { get; init; } = 2000;

    /// <summary>First year of the member-years on which the two calibrations' scales are aligned (up to From).</summary>
    public int AlignFrom { get; init; } = 2000;

    /// <summary>Trials per simulation.</summary>
    public int Trials { get; init; } = 2000;

    /// <summary>Seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads; null for all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>Output folder for drift_backtest.parquet; null writes nothing.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Replace an existing output folder.</summary>
    public bool Force { get; init; }

    /// <summary>Print nothing but errors.</summary>
    public bool Quiet { get; init; }
}
