namespace StemSimulator.Runner.Calibration;

/// <summary>What <c>stemsim calibrate</c> was asked to do.</summary>
internal sealed record CalibrateRequest
{
    /// <summary>The shared UN data folder (the layout of ../shared/data/un).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// A calibration table written before (<c>--from</c>): its earlier years are kept and only the years after it (and
    /// a few before them, <see cref="Engine.Calibration.IncrementalWindow"/>) are fitted; null for a full calibration.
    /// </summary>
    public string? From { get; init; }

    /// <summary>Last calibration year (1945 + session) to include; null for all the data.</summary>
    public int? Until { get; init; }

    /// <summary>Positions table to write (<c>.csv</c> or <c>.csv.gz</c>); the roll-call and model tables go beside it.</summary>
    public required string OutputFile { get; init; }

    /// <summary>Whether existing tables may be replaced.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Years whose out-of-sample analog forecasts match the global shock (each needs one more fit); 0 matches it on the
    /// training years' own repeats, which understates it.
    /// </summary>
    public int ShockYears { get; init; }

    /// <summary>Worker threads; null for all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>Print nothing but errors.</summary>
    public bool Quiet { get; init; }
}
