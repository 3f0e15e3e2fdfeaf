namespace StemSimulator.Engine.Backtesting;

/// <summary>How <see cref="RollingBacktest"/> forecasts and simulates the test years' roll calls.</summary>
public sealed record BacktestSettings
{
    /// <summary>Protocols to run: recurring and/or new.</summary>
    public required IReadOnlyList<string> Protocols { get; init; }

    /// <summary>Seed of the revealed members (new) and of the count simulations.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Trials per simulated roll call (at least 1).</summary>
    public required int Trials { get; init; }

    /// <summary>
    /// The conditioning backtest: ISO3 codes of members whose recorded vote is revealed, one at a time, on the <c>new</c>
    /// protocol's roll calls (protocol <c>reveal_CODE</c>: models given, fixed and unknown; <see cref="RevealedVoteForecast"/>).
    /// Empty: none.
    /// </summary>
    public IReadOnlyList<string> Reveal { get; init; } = [];

    /// <summary>Worker threads; null for all cores.</summary>
    public int? Threads { get; init; }
}
