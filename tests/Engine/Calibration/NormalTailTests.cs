using MathNet.Numerics;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>The fast normal functions against MathNet's erfc (an independent implementation).</summary>
public sealed class NormalTailTests
{
    private static double ReferenceCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    [Test]
    public void Cdf_has_full_relative_precision_from_the_far_lower_tail_to_the_centre()
    {
        for (double x = -37; x <= 8; x += 0.01)
        {
            double expected = ReferenceCdf(x);
            Assert.That(NormalTail.Cdf(x), Is.EqualTo(expected).Within(1e-12 * expected + 1e-300), $"x = {x}");
        }
    }

    [Test]
    public void Log_cdf_and_inverse_mills_stay_finite_where_phi_underflows()
    {
        // Phi(-40) underflows to 0 in double precision; log Phi(x) ~ -x^2/2 - log(-x sqrt(2 pi)) and phi/Phi ~ -x.
        double x = -40;
        double asymptotic = (-0.5 * x * x) - Math.Log(-x * Math.Sqrt(2 * Math.PI));
        Assert.That(NormalTail.LogCdf(x), Is.EqualTo(asymptotic).Within(1e-3));
        Assert.That(NormalTail.InverseMills(x), Is.EqualTo(-x).Within(0.03));
        Assert.That(NormalTail.LogCdf(-1e3), Is.LessThan(-4e5).And.GreaterThan(double.NegativeInfinity));
    }

    [Test]
    public void Upper_ratio_is_the_tail_over_the_density()
    {
        foreach (double x in new[] { -3.0, -0.5, 0.0, 0.6, 2.0, 5.0, 10.0, 25.0 })
        {
            double expected = ReferenceCdf(-x) / (Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI));
            Assert.That(NormalTail.UpperRatio(x), Is.EqualTo(expected).Within(1e-12 * expected), $"x = {x}");
        }
    }

    [Test]
    public void Log_cdf_and_inverse_mills_together_are_bit_for_bit_the_two_functions()
    {
        // Every branch: the far lower tail, both rational forms, the central band and its edges, above 40, the infinities.
        var points = new List<double> { double.NegativeInfinity, double.PositiveInfinity, double.NaN, -1e3, -40, -0.66291, 0.66291, 5.656854249492380195, 40, 40.5, 1e3, 0.0, -0.0 };
        for (double x = -45; x <= 45; x += 0.00731)
        {
            points.Add(x);
        }

        foreach (double x in points)
        {
            var (logCdf, mills) = NormalTail.LogCdfAndInverseMills(x);
            Assert.That(BitConverter.DoubleToInt64Bits(logCdf), Is.EqualTo(BitConverter.DoubleToInt64Bits(NormalTail.LogCdf(x))), $"log Phi at x = {x:R}");
            Assert.That(BitConverter.DoubleToInt64Bits(mills), Is.EqualTo(BitConverter.DoubleToInt64Bits(NormalTail.InverseMills(x))), $"phi / Phi at x = {x:R}");
        }
    }
}
