namespace StemSimulator.Runner.Backtesting;

/// <summary>What <c>stemsim backtest</c> was asked to do.</summary>
internal sealed record BacktestRequest
{
    /// <summary>The shared UN data folder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Last training year for the first test year; later test years train correspondingly later (rolling origin).</summary>
    public required int TrainUntil { get; init; }

    /// <summary>First test year (1945 + session).</summary>
    public required int TestFrom { get; init; }

    /// <summary>Last test year.</summary>
    public required int TestTo { get; init; }

    /// <summary>Output folder for backtest.parquet.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Protocols to run: recurring and/or new.</summary>
    public IReadOnlyList<string> Protocols { get; init; } = ["recurring", "new"];

    /// <summary>Members whose vote the conditioning backtest reveals (ISO3 codes; empty: none).</summary>
    public IReadOnlyList<string> Reveal { get; init; } = [];

    /// <summary>Seed of the revealed members (new) and of the count simulations.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Trials per simulated roll call.</summary>
    public int Trials { get; init; } = 2000;

    /// <summary>Worker threads; null for all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>Replace an existing output folder.</summary>
    public bool Force { get; init; }

    /// <summary>Print nothing but errors.</summary>
    public bool Quiet { get; init; }
}
