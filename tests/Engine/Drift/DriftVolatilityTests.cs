using StemSimulator.Engine.Drift;

namespace StemSimulator.Tests.Engine.Drift;

public sealed class DriftVolatilityTests
{
    [Test]
    public void Volatilities_are_shrunk_root_mean_square_changes_scaled_to_the_step_by_hand()
    {
        // Member 0: positions 0, 0.3, 0.3, 0.7 (changes 0.3, 0, 0.4: sum of squares 0.25, 3 changes).
        // Member 1: positions 1, 0.9 and no estimate in the last two years (one change, 0.01).
        // Member 2: no estimate at all. Pooled^2 = 0.26 / 4 = 0.065.
        double?[][] positions = [[0, 0.3, 0.3, 0.7], [1, 0.9, null, null], [null, null, null, null]];
        const double step = 0.2, shrinkage = 2, scale = 1.5;

        var v = DriftVolatility.Calibrate(3, (i, year) => positions[i][year - 2000], 2000, 2003, shrinkage, scale, step);

        double pooled2 = 0.26 / 4;
        double factor = scale * step / Math.Sqrt(pooled2);
        Assert.That(v.Changes, Is.EqualTo(new[] { 3, 1, 0 }));
        Assert.That(v.PooledRawChange, Is.EqualTo(Math.Sqrt(pooled2)).Within(1e-12));
        Assert.That(v.Scale, Is.EqualTo(factor).Within(1e-12));
        Assert.That(v.PerMember[0], Is.EqualTo(Math.Sqrt((0.25 + (shrinkage * pooled2)) / (3 + shrinkage)) * factor).Within(1e-12));
        Assert.That(v.PerMember[1], Is.EqualTo(Math.Sqrt((0.01 + (shrinkage * pooled2)) / (1 + shrinkage)) * factor).Within(1e-12));
        Assert.That(v.PerMember[2], Is.EqualTo(scale * step).Within(1e-12), "a member without changes gets the pooled value: the step");

        var raw = DriftVolatility.Calibrate(3, (i, year) => positions[i][year - 2000], 2000, 2003, shrinkage);
        Assert.That(raw.Scale, Is.EqualTo(1));
        Assert.That(raw.PerMember[0], Is.EqualTo(Math.Sqrt((0.25 + (shrinkage * pooled2)) / (3 + shrinkage))).Within(1e-12), "without a step the changes are kept as they are");
        Assert.That(raw.PerMember[2], Is.EqualTo(Math.Sqrt(pooled2)).Within(1e-12));
    }
}
