using StemSimulator.Runner.Calibration;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>The loader's set of (roll call, code) pairs against a hash set of the same pairs.</summary>
public sealed class PairSetTests
{
    [Test]
    public void Adds_and_finds_exactly_the_pairs_a_hash_set_holds()
    {
        var set = new PairSet();
        var truth = new HashSet<(int, int)>();
        var random = new Random(7);
        for (int k = 0; k < 20_000; k++)
        {
            // Mostly small codes, some on word edges, a few past the dense limit.
            int first = random.Next(300);
            int second = k % 97 == 0 ? PairSet.DenseLimit + random.Next(1000) : random.Next(k % 5 == 0 ? 64 : 1100);
            Assert.That(set.Add(first, second), Is.EqualTo(truth.Add((first, second))), $"add {first},{second}");
        }

        for (int first = -1; first < 310; first++)
        {
            foreach (int second in new[] { -1, 0, 63, 64, 65, 127, 128, 1099, 1100, 5000, PairSet.DenseLimit + 3 })
            {
                Assert.That(set.Contains(first, second), Is.EqualTo(truth.Contains((first, second))), $"contains {first},{second}");
            }
        }
    }
}
