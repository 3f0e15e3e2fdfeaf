namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Starting values for a calibration, typically the result of a fit on fewer years (a warm start makes a
/// rolling-origin backtest cheap). Unknown values fall back to the estimator's own start; the fit converges to the
/// same optimum either way, up to the stopping tolerance.
/// </summary>
/// <param name="State">Member and year index -&gt; the state (theta, then one offset per issue area), or null when unknown.</param>
/// <param name="RollCall">Roll-call index -&gt; its parameters, or null when unknown.</param>
public sealed record CalibrationStart(Func<int, int, double[]?> State, Func<int, RollCallParameters?> RollCall);
