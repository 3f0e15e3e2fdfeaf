namespace StemSimulator.Engine.Model;

/// <summary>
/// The sd of the normal jitter added to a population draw (docs/calibration.md, "Analog spread by kind"): a fixed
/// <see cref="Sd"/>, or one that follows the population, <see cref="Multiplier"/> · s_d · n^(−<see cref="Exponent"/>)
/// with s_d the sample standard deviation of the population's n anchor shifts (n − 1 in the denominator); either way a
/// population of one text, whose s_d is undefined, takes <see cref="OneText"/>. With exponent 1/5 the rule is
/// Silverman's rule of thumb for the bandwidth of a kernel density estimate (multiplier 1.06 for a normal population);
/// with 1/2 and multiplier 1 a draw of variance s_d²(1 + 1/n), the predictive spread of a new text from a normal
/// population of n.
/// </summary>
/// <param name="Sd">The fixed jitter sd of a population of two texts or more when <paramref name="Multiplier"/> is 0, &gt;= 0.</param>
/// <param name="Multiplier">h, &gt;= 0; 0 for the fixed jitter.</param>
/// <param name="Exponent">The power of n the jitter falls with, &gt;= 0 (0.2 for a kernel density estimate, 0.5 predictive).</param>
/// <param name="OneText">The jitter sd of a population of one text, &gt;= 0.</param>
public sealed record PopulationJitter(double Sd, double Multiplier, double Exponent, double OneText)
{
    /// <summary>A fixed jitter of sd <paramref name="sd"/>, and <paramref name="oneText"/> for a population of one text.</summary>
    public static PopulationJitter Fixed(double sd, double oneText) => new(sd, 0, 0, oneText);

    /// <summary>The jitter h · s_d · n^(−<paramref name="exponent"/>), and <paramref name="oneText"/> for a population of one text.</summary>
    public static PopulationJitter Bandwidth(double multiplier, double exponent, double oneText) => new(0, multiplier, exponent, oneText);

    /// <summary>The jitter sd for a population whose anchor shifts are <paramref name="shifts"/> (not empty).</summary>
    public double JitterFor(IReadOnlyList<double> shifts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(shifts.Count, nameof(shifts));
        return shifts.Count == 1 ? OneText
            : Multiplier > 0 ? Multiplier * SampleSd(shifts) * Math.Pow(shifts.Count, -Exponent)
            : Sd;
    }

    /// <summary>The sample standard deviation of <paramref name="values"/> (at least two; n − 1 in the denominator).</summary>
    public static double SampleSd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(d => (d - mean) * (d - mean)) / (values.Count - 1));
    }
}
