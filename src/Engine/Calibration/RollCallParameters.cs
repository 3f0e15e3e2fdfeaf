namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The ordered-probit parameters of one roll call: a member at position x votes no when beta * x + e &lt; tau_1,
/// yes when beta * x + e &gt;= tau_2 and abstains in between (e ~ N(0, 1)).
/// </summary>
/// <param name="Beta">Discrimination: positive when members on the United States' side of the dimension support the
/// text; any finite number (the shipped calibration has |beta| below about 6).</param>
/// <param name="Tau1">Cut-point between no and abstain.</param>
/// <param name="Tau2">Cut-point between abstain and yes, &gt;= <paramref name="Tau1"/>.</param>
public readonly record struct RollCallParameters(double Beta, double Tau1, double Tau2);
