using MathNet.Numerics.Distributions;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Tests.Engine.Randomness;

public sealed class StandardNormalTests
{
    [TestCase(1e-300)]
    [TestCase(1e-20)]
    [TestCase(1e-8)]
    [TestCase(0.001)]
    [TestCase(0.02425)]
    [TestCase(0.075)]
    [TestCase(0.3)]
    [TestCase(0.5)]
    [TestCase(0.6)]
    [TestCase(0.925)]
    [TestCase(0.975)]
    [TestCase(0.999999)]
    public void Inverse_cdf_matches_MathNet(double p)
    {
        double expected = Normal.InvCDF(0, 1, p);

        Assert.That(StandardNormal.InverseCdf(p), Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))));
    }

    [Test]
    public void Inverse_cdf_inverts_the_cdf()
    {
        // Above 4 the upper tail 1 - Phi(x) < 3e-5 keeps too few significant bits in Phi(x) itself to invert to 1e-9.
        for (double x = -8; x <= 4; x += 0.25)
        {
            Assert.That(StandardNormal.InverseCdf(StandardNormal.Cdf(x)), Is.EqualTo(x).Within(1e-9), $"x = {x}");
        }
    }

    [Test]
    public void Ends_of_the_range_are_infinite()
    {
        Assert.That(StandardNormal.InverseCdf(0), Is.EqualTo(double.NegativeInfinity));
        Assert.That(StandardNormal.InverseCdf(1), Is.EqualTo(double.PositiveInfinity));
        Assert.That(StandardNormal.Cdf(double.NegativeInfinity), Is.Zero);
        Assert.That(StandardNormal.Cdf(double.PositiveInfinity), Is.EqualTo(1));
        Assert.That(StandardNormal.Cdf(0), Is.EqualTo(0.5));
        Assert.That(StandardNormal.Cdf(1.959963984540054), Is.EqualTo(0.975).Within(1e-15));
    }
}
