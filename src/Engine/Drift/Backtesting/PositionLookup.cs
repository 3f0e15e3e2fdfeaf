namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>A member's calibrated position in a year with its standard error, or null when that calibration has no estimate for it.</summary>
internal delegate (double Theta, double Se)? PositionLookup(string code, int year);
