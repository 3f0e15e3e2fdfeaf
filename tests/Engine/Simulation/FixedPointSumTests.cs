using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

/// <summary>
/// <see cref="FixedPointSum"/> keeps its total in two 64-bit halves; these tests hold it bit for bit to the same sum
/// kept as an <see cref="Int128"/> (the form it replaced), and its conversion to double to the runtime's own
/// <see cref="Int128"/>-to-double conversion.
/// </summary>
public sealed class FixedPointSumTests
{
    private const double Scale = 4611686018427387904.0; // 2^62

    [Test]
    public void Sums_of_many_terms_equal_the_int128_sum_bit_for_bit()
    {
        var random = new Random(20261207);
        for (int round = 0; round < 200; round++)
        {
            var sum = new FixedPointSum();
            Int128 reference = 0;
            int terms = random.Next(1, 5000);
            for (int i = 0; i < terms; i++)
            {
                // Values in [0, 1] and a few outside, which Add clamps; exact 0 and 1 as well.
                double value = (i % 97) switch { 0 => 0.0, 1 => 1.0, 2 => -0.5, 3 => 1.5, _ => random.NextDouble() };
                sum.Add(value);
                reference += (long)Math.Round(Math.Clamp(value, 0.0, 1.0) * Scale);
            }

            Assert.That(sum.Raw, Is.EqualTo(reference));
            Assert.That(BitConverter.DoubleToInt64Bits(sum.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits((double)reference / Scale)));
        }
    }

    [Test]
    public void Adding_sums_carries_and_wraps_as_int128_addition()
    {
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            Int128 a = RandomInt128(random), b = RandomInt128(random);
            var sum = FixedPointSum.FromRaw(a);
            sum.Add(FixedPointSum.FromRaw(b));
            Assert.That(sum.Raw, Is.EqualTo(unchecked(a + b)), $"{a} + {b}");
        }
    }

    [Test]
    public void Raw_round_trips_every_kind_of_total()
    {
        foreach (var raw in Extremes())
        {
            Assert.That(FixedPointSum.FromRaw(raw).Raw, Is.EqualTo(raw));
        }
    }

    [Test]
    public void Value_rounds_as_the_int128_conversion_does()
    {
        var random = new Random(11);
        var totals = Extremes().Concat(Enumerable.Range(0, 200_000).Select(_ => RandomInt128(random))).Concat(Ties(random));
        foreach (var raw in totals)
        {
            double expected = (double)raw / Scale;
            Assert.That(BitConverter.DoubleToInt64Bits(FixedPointSum.FromRaw(raw).Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), $"{raw}");
        }
    }

    /// <summary>A random 128-bit integer whose magnitude has a random number of bits, so every shift is reached.</summary>
    private static Int128 RandomInt128(Random random)
    {
        var value = new Int128((ulong)random.NextInt64() | ((ulong)random.Next(2) << 63), (ulong)random.NextInt64() | ((ulong)random.Next(2) << 63));
        int bits = random.Next(0, 129);
        return bits == 128 ? value : value >> (128 - bits);
    }

    /// <summary>Powers of two and their neighbours, the halves' borders, the extremes.</summary>
    private static IEnumerable<Int128> Extremes()
    {
        yield return Int128.Zero;
        yield return Int128.MaxValue;
        yield return Int128.MinValue;
        yield return Int128.NegativeOne;
        for (int bit = 0; bit < 127; bit++)
        {
            var power = Int128.One << bit;
            foreach (var value in new[] { power, power - 1, power + 1, -power, -power + 1, -power - 1 })
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Totals exactly halfway between two doubles (and one unit either side), above 2^64 where the halves' conversion
    /// needs its sticky bit: ties must go to the even neighbour.
    /// </summary>
    private static IEnumerable<Int128> Ties(Random random)
    {
        for (int i = 0; i < 20_000; i++)
        {
            int bits = random.Next(65, 127);
            var mantissa = (Int128)(random.NextInt64(1L << 52, 1L << 53));
            var tie = ((mantissa << 1) | 1) << (bits - 54);
            yield return tie;
            yield return tie - 1;
            yield return tie + 1;
            yield return -tie;
        }
    }
}
