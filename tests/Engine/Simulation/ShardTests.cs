using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

public sealed class ShardTests
{
    [TestCase(10L, 3)]
    [TestCase(6001L, 3)]
    [TestCase(1L, 1)]
    [TestCase(100_000_000L, 7)]
    [TestCase(long.MaxValue / 2, 5)]
    public void Shards_cover_every_trial_once_in_order(long trials, int count)
    {
        long next = 0;
        for (int k = 0; k < count; k++)
        {
            var (first, n) = new Shard(k, count).TrialsOf(trials);
            Assert.That(first, Is.EqualTo(next));
            Assert.That(n, Is.InRange(trials / count, (trials / count) + 1));
            next = first + n;
        }

        Assert.That(next, Is.EqualTo(trials));
    }

    [TestCase(10L, 3)]
    [TestCase(100_000_000L, 7)]
    [TestCase(long.MaxValue / 2, 5)]
    [TestCase(long.MaxValue, 1000)]
    public void Shard_borders_are_floor_of_trials_times_k_over_count(long trials, int count)
    {
        // Within and beyond 64-bit products: the borders are the exact floor(T k / N) of 128-bit arithmetic.
        for (int k = 0; k < count; k++)
        {
            Assert.That(new Shard(k, count).TrialsOf(trials).FirstTrial, Is.EqualTo((long)((Int128)trials * k / count)));
        }
    }

    [Test]
    public void Invalid_shards_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new Shard(3, 3).TrialsOf(10));
        Assert.Throws<InvalidOperationException>(() => new Shard(0, 11).TrialsOf(10));
        Assert.That(Shard.Whole.TrialsOf(10), Is.EqualTo((0L, 10L)));
    }
}
