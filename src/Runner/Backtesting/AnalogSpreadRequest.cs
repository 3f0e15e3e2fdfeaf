namespace StemSimulator.Runner.Backtesting;

/// <summary>What <c>stemsim backtest --analog-kinds</c> was asked to do.</summary>
internal sealed record AnalogSpreadRequest
{
    /// <summary>The shared UN data folder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>First year of every calibration (null: the data's first year).</summary>
    public int? TrainFrom { get; init; }

    /// <summary>Last training year of the first test year's calibration.</summary>
    public required int TrainUntil { get; init; }

    /// <summary>First year forecast.</summary>
    public required int TestFrom { get; init; }

    /// <summary>Last year forecast.</summary>
    public required int TestTo { get; init; }

    /// <summary>Last year whose roll calls choose the spreads; the later test years only report (required; null when not given).</summary>
    public required int? ChooseTo { get; init; }

    /// <summary>Years between calibration origins (1: one calibration per test year).</summary>
    public int OriginEvery { get; init; } = 2;

    /// <summary>Whether every year takes the embedded calibration's shock sizes (as scenarios do) instead of its origin's.</summary>
    public bool EmbeddedShocks { get; init; }

    /// <summary>Output folder.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Seed of the count simulations.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Trials per roll call, analog and spread.</summary>
    public int Trials { get; init; } = 2000;

    /// <summary>Worker threads; null for all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>The kinds studied, by their scenario names (empty: all).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Members whose recorded vote the conditioning backtest reveals (ISO3 codes; empty: the spread study instead).</summary>
    public IReadOnlyList<string> Reveal { get; init; } = [];

    /// <summary>Replace an existing output folder.</summary>
    public bool Force { get; init; }
}
