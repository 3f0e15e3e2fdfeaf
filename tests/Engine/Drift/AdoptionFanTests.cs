using StemSimulator.Engine.Drift;

namespace StemSimulator.Tests.Engine.Drift;

public sealed class AdoptionFanTests
{
    [Test]
    public void Quantiles_interpolate_within_bins_by_hand()
    {
        // Vote 1: four trials at 0.1001, 0.1002 (bin 20), 0.9 (bin 180) and 1.0 (bin 199).
        // The median: target 2 of 4 reached at the end of bin 20, so 21 / 200 = 0.105.
        // The 0.75-quantile: target 3 reached in bin 180, entirely: 181 / 200 = 0.905.
        var fan = new AdoptionFan(2);
        foreach (double p in new[] { 0.1001, 0.9, 1.0, 0.1002 })
        {
            fan.Count(1, p);
        }

        Assert.That(fan.Held, Is.EqualTo(new long[] { 0, 4 }));
        Assert.That(fan.Counts[(1 * AdoptionFan.Bins) + 20], Is.EqualTo(2));
        Assert.That(fan.Counts[(1 * AdoptionFan.Bins) + 199], Is.EqualTo(1));
        Assert.That(fan.Quantile(1, 0.5), Is.EqualTo(0.105).Within(1e-12));
        Assert.That(fan.Quantile(1, 0.75), Is.EqualTo(0.905).Within(1e-12));
        Assert.That(fan.Quantile(1, 0.25), Is.EqualTo(0.1025).Within(1e-12), "half of bin 20: 20.5 / 200");
        Assert.That(fan.Quantile(0, 0.5), Is.NaN, "never held");
    }

    [Test]
    public void Fans_of_workers_add_up()
    {
        var a = new AdoptionFan(1);
        var b = new AdoptionFan(1);
        a.Count(0, 0.3);
        b.Count(0, 0.7);

        a.Add(b);

        Assert.That(a.Held[0], Is.EqualTo(2));
        Assert.That(a.Counts[AdoptionFan.Bin(0.3)] + a.Counts[AdoptionFan.Bin(0.7)], Is.EqualTo(2));
    }
}
