using System.Numerics;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// An exact, order-independent sum of numbers in [0, 1]: each is rounded to a multiple of 2^-62 and summed as a
/// 128-bit two's-complement integer. Integer addition is associative, so the total is bit-identical for any thread
/// count, block size or split into shards; the rounding (below 2.2e-19 per term) is far below any Monte Carlo error.
/// </summary>
/// <remarks>
/// The total is kept as two 64-bit halves rather than an <see cref="Int128"/>: crossgen2 does not precompile a method
/// that passes, returns or adds an <see cref="Int128"/> (its calling convention is not version-resilient), nor any
/// method whose signature holds a type with such a field, so with an <see cref="Int128"/> field every method touching
/// this sum or <see cref="VoteStatistics"/> was compiled at run time. The arithmetic is the same modulo 2^128, and
/// <see cref="Value"/> rounds as the <see cref="Int128"/>-to-<see cref="double"/> conversion does (to nearest, ties to
/// even), so every value is bit-identical to the <see cref="Int128"/> form (FixedPointSumTests compare them).
/// </remarks>
public struct FixedPointSum
{
    private const double Scale = 4611686018427387904.0; // 2^62

    private ulong _lower;
    private ulong _upper;

    /// <summary>Adds <paramref name="value"/>, which must lie in [0, 1].</summary>
    public void Add(double value) => AddHalves(0, (ulong)(long)Math.Round(Math.Clamp(value, 0.0, 1.0) * Scale));

    /// <summary>Adds another sum.</summary>
    public void Add(FixedPointSum other) => AddHalves(other._upper, other._lower);

    /// <summary>The sum as a double: the 128-bit total rounded to the nearest double (ties to even), over 2^62.</summary>
    public readonly double Value => ToDouble(_upper, _lower) / Scale;

    /// <summary>The raw 128-bit total, for storing and merging partial sums exactly.</summary>
    public readonly Int128 Raw => new(_upper, _lower);

    /// <summary>A sum restored from <see cref="Raw"/>.</summary>
    public static FixedPointSum FromRaw(Int128 raw) => new() { _upper = (ulong)(raw >> 64), _lower = (ulong)raw };

    /// <summary>Adds the 128-bit two's-complement number (upper, lower), wrapping modulo 2^128 as Int128 addition does.</summary>
    private void AddHalves(ulong upper, ulong lower)
    {
        ulong sum = _lower + lower;
        _upper += upper + (sum < lower ? 1UL : 0UL);
        _lower = sum;
    }

    /// <summary>
    /// The two's-complement 128-bit integer (upper, lower) rounded to the nearest double, ties to even: the magnitude's
    /// top 64 bits, with a sticky bit for any bit shifted out below them, converted as an unsigned 64-bit integer (which
    /// rounds correctly) and scaled by the power of two shifted out.
    /// </summary>
    private static double ToDouble(ulong upper, ulong lower)
    {
        if ((long)upper < 0)
        {
            // The magnitude of a negative total: its two's complement (2^127 itself for the most negative, as Int128's -).
            lower = ~lower + 1;
            upper = ~upper + (lower == 0 ? 1UL : 0UL);
            return -UnsignedToDouble(upper, lower);
        }

        return UnsignedToDouble(upper, lower);
    }

    private static double UnsignedToDouble(ulong upper, ulong lower)
    {
        if (upper == 0)
        {
            return lower;
        }

        int shift = 64 - BitOperations.LeadingZeroCount(upper);
        ulong top, shiftedOut;
        if (shift == 64)
        {
            // Shift counts are taken modulo 64: a full shift is written out.
            (top, shiftedOut) = (upper, lower);
        }
        else
        {
            top = (upper << (64 - shift)) | (lower >> shift);
            shiftedOut = lower << (64 - shift);
        }

        return (double)(top | (shiftedOut != 0 ? 1UL : 0UL)) * Math.ScaleB(1.0, shift);
    }
}
