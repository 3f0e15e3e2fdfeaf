namespace StemSimulator.Engine.Model;

/// <summary>
/// A jitter that follows the population a vote is drawn from: the normal jitter added to a population draw has sd
/// <see cref="Multiplier"/> · s_d · n^(−<see cref="Exponent"/>), s_d the sample standard deviation of the population's n
/// anchor shifts (n − 1 in the denominator), or <see cref="Floor"/> for a population of one text, whose s_d is undefined.
/// With exponent 1/5 it is Silverman's rule of thumb for the bandwidth of a kernel density estimate (multiplier 1.06 for
/// a normal population); with 1/2, h = 1 gives a draw of variance s_d²(1 + 1/n), the predictive spread of a new text from
/// a normal population of n.
/// </summary>
/// <param name="Multiplier">h, &gt;= 0.</param>
/// <param name="Exponent">The power of n the jitter falls with, &gt;= 0 (0.2 for a kernel density estimate, 0.5 predictive).</param>
/// <param name="Floor">The jitter sd of a population of one text, &gt;= 0.</param>
public sealed record PopulationBandwidth(double Multiplier, double Exponent, double Floor)
{
    /// <summary>The jitter sd for a population whose anchor shifts are <paramref name="shifts"/> (not empty).</summary>
    public double JitterFor(IReadOnlyList<double> shifts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(shifts.Count, nameof(shifts));
        return shifts.Count == 1 ? Floor : Multiplier * SampleSd(shifts) * Math.Pow(shifts.Count, -Exponent);
    }

    /// <summary>The sample standard deviation of <paramref name="values"/> (at least two; n − 1 in the denominator).</summary>
    public static double SampleSd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(d => (d - mean) * (d - mean)) / (values.Count - 1));
    }
}
