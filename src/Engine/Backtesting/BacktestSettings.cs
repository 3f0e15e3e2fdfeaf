namespace StemSimulator.Engine.Backtesting;

/// <summary>How <see cref="RollingBacktest"/> forecasts and simulates the test years' roll calls.</summary>
internal sealed record BacktestSettings
{
    /// <summary>Protocols to run: recurring and/or new.</summary>
    public required IReadOnlyList<string> Protocols { get; init; }

    /// <summary>Seed of the revealed members (new) and of the count simulations.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Trials per simulated roll call (at least 1).</summary>
    public required int Trials { get; init; }

    /// <summary>Worker threads; null for all cores.</summary>
    public int? Threads { get; init; }
}
