namespace StemSimulator.Engine.Calibration;

/// <summary>
/// A calibration made before (as <c>stemsim calibrate</c> wrote it), the starting point of an incremental fit: its
/// years, its fitted position step, every unit's state per year and every roll call's parameters.
/// </summary>
/// <param name="FirstYear">First calibrated year (1945 + session).</param>
/// <param name="LastYear">Last calibrated year, at least <paramref name="FirstYear"/>.</param>
/// <param name="PositionStepSd">The random-walk step of positions it used, &gt; 0.</param>
/// <param name="States">Per (unit code, year): the unit's state that year.</param>
/// <param name="RollCalls">Per roll-call identifier (<see cref="RollCallInfo.Id"/>): its (beta, tau_1, tau_2).</param>
public sealed record EarlierCalibration(
    int FirstYear,
    int LastYear,
    double PositionStepSd,
    IReadOnlyDictionary<(string Unit, int Year), EarlierState> States,
    IReadOnlyDictionary<string, RollCallParameters> RollCalls);
