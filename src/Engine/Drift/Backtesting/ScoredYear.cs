namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>One scored member-year: the member's index among the UN members, years after the origin, and the scores.</summary>
public readonly record struct ScoredYear(int Member, int Horizon, PositionForecast Forecast);
