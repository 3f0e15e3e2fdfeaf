using StemSimulator.Engine.Drift;

namespace StemSimulator.Tests.Engine.Drift;

public sealed class ScaleAlignmentTests
{
    [Test]
    public void An_exact_linear_map_is_recovered()
    {
        var pairs = new[] { -1.5, -0.2, 0.4, 1.1, 2.0 }.Select(x => (x, 0.3 - (1.25 * x))).ToArray();

        var map = ScaleAlignment.Fit(pairs);

        Assert.That(map.Intercept, Is.EqualTo(0.3).Within(1e-12));
        Assert.That(map.Slope, Is.EqualTo(-1.25).Within(1e-12));
        Assert.That(map.RSquared, Is.EqualTo(1).Within(1e-12));
        Assert.That(map.ResidualSd, Is.EqualTo(0).Within(1e-9));
        Assert.That(map.Map(2.0), Is.EqualTo(-2.2).Within(1e-12));
        Assert.That(map.MapSd(0.4), Is.EqualTo(0.5).Within(1e-12), "standard deviations scale by |slope|");
    }

    [Test]
    public void Least_squares_by_hand()
    {
        // x = 0, 1, 2; y = 1, 2, 4: slope 1.5, intercept 0.8333; residuals 1/6, -1/3, 1/6; R2 = 1 - (1/6) / (14/3).
        var map = ScaleAlignment.Fit([(0, 1), (1, 2), (2, 4)]);

        Assert.That(map.Slope, Is.EqualTo(1.5).Within(1e-12));
        Assert.That(map.Intercept, Is.EqualTo(5.0 / 6).Within(1e-12));
        Assert.That(map.ResidualSd, Is.EqualTo(Math.Sqrt((1.0 / 6) / 3)).Within(1e-12));
        Assert.That(map.RSquared, Is.EqualTo(1 - ((1.0 / 6) / (14.0 / 3))).Within(1e-12));
        Assert.That(map.Pairs, Is.EqualTo(3));
    }

    [Test]
    public void One_distinct_position_cannot_align_scales()
    {
        Assert.Throws<ArgumentException>(() => ScaleAlignment.Fit([(1, 2), (1, 3)]));
    }
}
