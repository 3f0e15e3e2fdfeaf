namespace StemSimulator.Engine.Calibration;

/// <summary>One unit-year of an <see cref="EarlierCalibration"/>.</summary>
/// <param name="State">theta, then one offset per issue area.</param>
/// <param name="ThetaSe">Standard error of theta, &gt;= 0.</param>
/// <param name="AbsenceRate">Absence rate, in (0, 1).</param>
/// <param name="Votes">Yes/abstain/no votes the unit cast that year, &gt;= 0 (the member-years with votes set the scale).</param>
public sealed record EarlierState(IReadOnlyList<double> State, double ThetaSe, double AbsenceRate, int Votes);
