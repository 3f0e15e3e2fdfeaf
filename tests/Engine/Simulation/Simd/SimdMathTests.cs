using System.Runtime.Intrinsics;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Tests.Engine.Simulation.Simd;

public sealed class SimdMathTests
{
    [Test]
    public void Vector_mix_equals_the_scalar_mixer_lane_by_lane()
    {
        var input = Vector256.Create(0UL, 1UL, 0x9E3779B97F4A7C15UL, ulong.MaxValue);

        var mixed = SimdMath.Mix(input);

        for (int lane = 0; lane < 4; lane++)
        {
            Assert.That(mixed[lane], Is.EqualTo(CounterRandom.Mix(input[lane])));
        }
    }

    [Test]
    public void Vector_uniforms_equal_the_scalar_halves_exactly()
    {
        for (long trial = 0; trial < 1000; trial++)
        {
            var random = new CounterRandom(3, trial);
            var bits = Vector256.Create(
                random.Bits(RandomPurpose.VoteNoise, 0, 0), random.Bits(RandomPurpose.VoteNoise, 0, 1),
                random.Bits(RandomPurpose.VoteNoise, 1, 0), random.Bits(RandomPurpose.Position, 0, 7));
            var low = SimdMath.UniformLow(bits);
            var high = SimdMath.UniformHigh(bits);
            for (int lane = 0; lane < 4; lane++)
            {
                Assert.That(low[lane], Is.EqualTo(CounterRandom.UniformLow(bits[lane])));
                Assert.That(high[lane], Is.EqualTo(CounterRandom.UniformHigh(bits[lane])));
                Assert.That(low[lane], Is.GreaterThan(0).And.LessThan(1));
            }
        }

        Assert.That(SimdMath.UniformLow(Vector256.Create(0UL))[0], Is.EqualTo(0.5 / 4294967296.0));
        Assert.That(SimdMath.UniformHigh(Vector256.Create(ulong.MaxValue))[0], Is.EqualTo(1 - (0.5 / 4294967296.0)));
    }

    [Test]
    public void Vector_inverse_normal_matches_the_scalar_one_over_the_32_bit_range()
    {
        double[] probabilities = [0.5 / 4294967296.0, 1e-9, 1e-6, 0.001, 0.02, 0.075, 0.0751, 0.3, 0.5, 0.77, 0.925, 0.9249, 0.999, 1 - 1e-9, 1 - (0.5 / 4294967296.0)];
        foreach (var chunk in probabilities.Chunk(4).Where(c => c.Length == 4))
        {
            var result = SimdMath.InverseNormal(Vector256.Create(chunk));
            for (int lane = 0; lane < 4; lane++)
            {
                double expected = StandardNormal.InverseCdf(chunk[lane]);
                Assert.That(result[lane], Is.EqualTo(expected).Within(1e-13 * Math.Max(1, Math.Abs(expected))), $"p = {chunk[lane]}");
            }
        }
    }

    [Test]
    public void Gathered_inverse_normal_equals_the_vector_one_bit_for_bit()
    {
        // Hashed uniforms (about 15% in the tails, in every pattern of lanes) and the edges of the two branches.
        var uniforms = new List<double> { 0.5 / 4294967296.0, 0.075, 0.07500000000000001, 0.925, 0.9249999999999999, 0.5, 1 - (0.5 / 4294967296.0), 0.5 };
        for (long trial = 0; trial < 2000; trial++)
        {
            uniforms.Add(CounterRandom.UniformLow(new CounterRandom(9, trial).Bits(RandomPurpose.VoteNoise, 0, 0)));
        }

        foreach (int count in new[] { 0, 4, 8, 40, uniforms.Count })
        {
            var result = new double[count];
            SimdMath.InverseNormal(uniforms.ToArray(), result, count, new int[count + 4]);
            for (int i = 0; i < count; i += 4)
            {
                var expected = SimdMath.InverseNormal(Vector256.Create(uniforms[i], uniforms[i + 1], uniforms[i + 2], uniforms[i + 3]));
                for (int lane = 0; lane < 4; lane++)
                {
                    Assert.That(BitConverter.DoubleToInt64Bits(result[i + lane]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[lane])), $"u = {uniforms[i + lane]:R}");
                }
            }
        }
    }

    [Test]
    public void Vector_normal_cdf_matches_the_scalar_one_in_both_tails()
    {
        for (double x = -40; x <= 10; x += 0.137)
        {
            var result = SimdMath.NormalCdf(Vector256.Create(x, -x, x / 3, double.NegativeInfinity));
            double[] arguments = [x, -x, x / 3];
            for (int lane = 0; lane < 3; lane++)
            {
                double expected = StandardNormal.Cdf(arguments[lane]);
                // Measured against MathNet's erfc: relative error below 2e-14 for |x| < 3, growing to 9e-9 in the far
                // lower tail where Phi itself is below 1e-9; the absolute error stays below 2.3e-16 everywhere.
                double tolerance = Math.Abs(arguments[lane]) < 3 ? 2e-14 * expected : Math.Max(1e-8 * expected, 2.3e-16);
                Assert.That(result[lane], Is.EqualTo(expected).Within(tolerance + 1e-300), $"x = {arguments[lane]}");
            }

            Assert.That(result[3], Is.Zero);
        }

        Assert.That(SimdMath.NormalCdf(Vector256.Create(double.PositiveInfinity))[0], Is.EqualTo(1));
    }

    [Test]
    public void Vector_exp_is_within_two_ulp_of_math_exp()
    {
        for (double x = -700; x <= 700; x += 0.731)
        {
            double[] arguments = [x, x / 1000, -x / 7, 0.5 * x / 700];
            var result = SimdMath.Exp(Vector256.Create(arguments));
            for (int lane = 0; lane < 4; lane++)
            {
                double expected = Math.Exp(arguments[lane]);
                Assert.That(result[lane], Is.EqualTo(expected).Within(2 * Math.BitIncrement(expected) - (2 * expected)), $"x = {arguments[lane]}");
            }
        }
    }

    [Test]
    public void Vector_log_is_within_two_ulp_of_math_log()
    {
        for (double x = 1e-300; x < 1e300; x *= 1.37)
        {
            double[] arguments = [x, 1 / x, Math.Min(1 - 1e-12, x / (1 + x)), 1 + (1 / (1 + x))];
            var result = SimdMath.Log(Vector256.Create(arguments));
            for (int lane = 0; lane < 4; lane++)
            {
                double expected = Math.Log(arguments[lane]);
                double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
                Assert.That(result[lane], Is.EqualTo(expected).Within(2 * ulp), $"x = {arguments[lane]}");
            }
        }
    }
}
