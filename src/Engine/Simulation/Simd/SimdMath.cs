using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace StemSimulator.Engine.Simulation.Simd;

/// <summary>
/// Vectorised building blocks of the trial kernel, four lanes of <see cref="Vector256{T}"/> at a time: the
/// SplitMix64 mixer, uniforms from 32-bit halves of a hash, the inverse normal CDF and the normal CDF.
/// Each lane computes exactly what the scalar functions of <see cref="Randomness.CounterRandom"/> and
/// <see cref="Randomness.StandardNormal"/> define, up to the last bits of the vector log and exp.
/// </summary>
internal static class SimdMath
{
    private const double TwoPowMinus32 = 1.0 / 4294967296.0;

    /// <summary>The SplitMix64 finaliser on four lanes (see <see cref="Randomness.CounterRandom.Mix"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>
    /// The uniform in (0, 1) made from the low 32 bits of each lane: (lo + 1/2) / 2^32. Built by placing the bits in
    /// a double's mantissa (1 + lo / 2^32 is exact), so no integer-to-double conversion is needed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> UniformLow(Vector256<ulong> bits)
    {
        var mantissa = Vector256.ShiftLeft(bits, 20) & Vector256.Create(0x000FFFFFFFF00000UL);
        return (mantissa | Vector256.Create(0x3FF0000000000000UL)).AsDouble() - Vector256.Create(1.0 - (0.5 * TwoPowMinus32));
    }

    /// <summary>The uniform in (0, 1) made from the high 32 bits of each lane: (hi + 1/2) / 2^32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> UniformHigh(Vector256<ulong> bits)
    {
        var mantissa = Vector256.ShiftRightLogical(bits, 12) & Vector256.Create(0x000FFFFFFFF00000UL);
        return (mantissa | Vector256.Create(0x3FF0000000000000UL)).AsDouble() - Vector256.Create(1.0 - (0.5 * TwoPowMinus32));
    }

    /// <summary>
    /// Phi^-1(u) for u in [2^-33, 1 - 2^-33], by Wichura's AS 241 (see <see cref="Randomness.StandardNormal.InverseCdf"/>).
    /// The central rational function covers |u - 1/2| &lt;= 0.425 (85% of draws); the intermediate one the rest,
    /// which for 32-bit uniforms is enough (sqrt(-log(2^-33)) = 4.78 &lt; 5, so the far-tail branch never runs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> InverseNormal(Vector256<double> u)
    {
        var result = InverseNormalCentral(u, out var central);
        if (Vector256.EqualsAll(central.AsUInt64(), Vector256<ulong>.AllBitsSet))
        {
            return result;
        }

        return Vector256.ConditionalSelect(central, result, InverseNormalTail(u));
    }

    /// <summary>
    /// <see cref="InverseNormal(Vector256{double})"/> of <c>u[0..count)</c> into <c>result[0..count)</c>, count a multiple
    /// of four, with the same value in every lane. The central branch runs on every vector; the lanes that need the tail
    /// branch (15% of uniforms) are gathered four at a time, so the tail runs about once per 27 values rather than on
    /// nearly every other vector, and no branch depends on the draws except the loop over the gathered lanes.
    /// </summary>
    /// <param name="u">Uniforms in (0, 1).</param>
    /// <param name="result">Receives the quantiles; must not overlap <paramref name="u"/>.</param>
    /// <param name="count">Values to convert, a multiple of four.</param>
    /// <param name="tailIndex">Scratch of length &gt;= count + 4.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InverseNormal(ReadOnlySpan<double> u, Span<double> result, int count, Span<int> tailIndex)
    {
        if (count % 4 != 0 || u.Length < count || result.Length < count || tailIndex.Length < count + 4)
        {
            throw new ArgumentException("count must be a multiple of four and fit the buffers (tailIndex: count + 4).", nameof(count));
        }

        ref double from = ref MemoryMarshal.GetReference(u);
        ref double to = ref MemoryMarshal.GetReference(result);
        ref int tails = ref MemoryMarshal.GetReference(tailIndex);
        ref int lanes = ref MemoryMarshal.GetReference(TailLanes);
        int tailCount = 0;
        for (int i = 0; i < count; i += 4)
        {
            var central = InverseNormalCentral(Vector256.LoadUnsafe(ref from, (nuint)i), out var isCentral);
            central.StoreUnsafe(ref to, (nuint)i);
            // Append the indices of the lanes outside the central region, branch-free: the table lists a mask's lanes.
            uint mask = (~isCentral).ExtractMostSignificantBits();
            (Vector128.LoadUnsafe(ref lanes, mask * 4) + Vector128.Create(i)).StoreUnsafe(ref tails, (nuint)tailCount);
            tailCount += BitOperations.PopCount(mask);
        }

        // Indices past the last gathered lane read u[0] (computed and dropped).
        Vector128<int>.Zero.StoreUnsafe(ref tails, (nuint)tailCount);
        for (int t = 0; t < tailCount; t += 4)
        {
            var tail = InverseNormalTail(Vector256.Create(
                Unsafe.Add(ref from, Unsafe.Add(ref tails, t)),
                Unsafe.Add(ref from, Unsafe.Add(ref tails, t + 1)),
                Unsafe.Add(ref from, Unsafe.Add(ref tails, t + 2)),
                Unsafe.Add(ref from, Unsafe.Add(ref tails, t + 3))));
            int lanesHere = Math.Min(4, tailCount - t);
            for (int k = 0; k < lanesHere; k++)
            {
                Unsafe.Add(ref to, Unsafe.Add(ref tails, t + k)) = tail.GetElement(k);
            }
        }
    }

    /// <summary>For each 4-bit mask, the indices of its set bits in ascending order, padded with zeros.</summary>
    private static ReadOnlySpan<int> TailLanes =>
    [
        0, 0, 0, 0, /* 0001 */ 0, 0, 0, 0, /* 0010 */ 1, 0, 0, 0, /* 0011 */ 0, 1, 0, 0,
        2, 0, 0, 0, /* 0101 */ 0, 2, 0, 0, /* 0110 */ 1, 2, 0, 0, /* 0111 */ 0, 1, 2, 0,
        3, 0, 0, 0, /* 1001 */ 0, 3, 0, 0, /* 1010 */ 1, 3, 0, 0, /* 1011 */ 0, 1, 3, 0,
        2, 3, 0, 0, /* 1101 */ 0, 2, 3, 0, /* 1110 */ 1, 2, 3, 0, /* 1111 */ 0, 1, 2, 3,
    ];

    /// <summary>The central rational function of AS 241, and where it applies (|u - 1/2| &lt;= 0.425).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> InverseNormalCentral(Vector256<double> u, out Vector256<double> central)
    {
        var q = u - Vector256.Create(0.5);
        central = Vector256.LessThanOrEqual(Vector256.Abs(q), Vector256.Create(0.425));
        var r = Vector256.Create(0.180625) - (q * q);
        var num = Horner(r, 2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
            13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608);
        var den = Horner(r, 5226.495278852545925, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
            5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0);
        return q * num / den;
    }

    /// <summary>The intermediate rational function of AS 241 (the far tail is never reached from 32-bit uniforms), signed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> InverseNormalTail(Vector256<double> u)
    {
        var q = u - Vector256.Create(0.5);
        var tail = Vector256.Min(u, Vector256.Create(1.0) - u);
        var s = Vector256.Sqrt(-Log(tail)) - Vector256.Create(1.6);
        var tailNum = Horner(s, 7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258,
            3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734);
        var tailDen = Horner(s, 1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459,
            0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1.0);
        var magnitude = tailNum / tailDen;
        return Vector256.ConditionalSelect(Vector256.LessThan(q, Vector256<double>.Zero), -magnitude, magnitude);
    }

    /// <summary>
    /// Phi(x), the standard normal CDF: Hart's algorithm 5666 as given by West (2005, "Better approximations to
    /// cumulative normal functions", Wilmott): for |x| &lt; 7.07 a rational function times exp(-x^2/2), beyond a
    /// continued fraction, zero beyond 37. Measured against MathNet's erfc: absolute error below 2.3e-16 everywhere;
    /// relative error below 2e-14 for |x| &lt; 3, growing to 9e-9 in the far lower tail (where Phi is below 1e-9).
    /// Ample for vote probabilities, whose sums are only ever compared at the 1e-12 level.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> NormalCdf(Vector256<double> x)
    {
        var a = Vector256.Abs(x);
        var e = Exp(Vector256.Create(-0.5) * a * a);
        var num = Horner(a, 3.52624965998911e-02, 0.700383064443688, 6.37396220353165, 33.912866078383,
            112.079291497871, 221.213596169931, 220.206867912376);
        var den = Horner(a, 8.83883476483184e-02, 1.75566716318264, 16.064177579207, 86.7807322029461,
            296.564248779674, 637.333633378831, 793.826512519948, 440.413735824752);
        var upper = e * num / den;
        var far = Vector256.GreaterThanOrEqual(a, Vector256.Create(7.07106781186547));
        if (!Vector256.EqualsAll(far.AsUInt64(), Vector256<ulong>.Zero))
        {
            var fraction = a + Vector256.Create(0.65);
            fraction = a + (Vector256.Create(4.0) / fraction);
            fraction = a + (Vector256.Create(3.0) / fraction);
            fraction = a + (Vector256.Create(2.0) / fraction);
            fraction = a + (Vector256.Create(1.0) / fraction);
            var farUpper = e / fraction / Vector256.Create(2.506628274631);
            upper = Vector256.ConditionalSelect(far, farUpper, upper);
            upper = Vector256.ConditionalSelect(Vector256.GreaterThan(a, Vector256.Create(37.0)), Vector256<double>.Zero, upper);
        }

        // Phi(x) = upper tail of |x| for x < 0, one minus it for x >= 0; NaN-free for +-infinity.
        var positive = Vector256.GreaterThan(x, Vector256<double>.Zero);
        return Vector256.ConditionalSelect(positive, Vector256.Create(1.0) - upper, upper);
    }

    /// <summary>
    /// e^x for x in [-700, 700], within 2 ulp. Cody-Waite reduction x = n ln 2 + r, |r| &lt;= ln 2 / 2 (ln 2 split in
    /// a high part exact in 32 bits and a low part), e^r by its Taylor polynomial to degree 13 (remainder below
    /// 2e-17), then scaled by 2^n through the exponent bits.
    /// </summary>
    /// <remarks>
    /// Written here rather than taken from <c>Vector256.Exp</c> because the framework's version may give different
    /// last bits in its precompiled and its re-jitted forms (it uses multiply-add "estimates"), which would break
    /// bit-identical runs. Every operation here is exactly rounded (explicit fused multiply-adds), so the result
    /// never depends on how or when the code was compiled.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        const double log2e = 1.4426950408889634074;
        const double ln2High = 0.693147180369123816490; // 32 significant bits: n * ln2High is exact for |n| < 2^20
        const double ln2Low = 1.90821492927058770002e-10;
        var n = Vector256.Round(x * Vector256.Create(log2e));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-ln2High), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-ln2Low), r);
        var p = Vector256.Create(1.0 / 6227020800.0);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0));
        var scale = Vector256.ShiftLeft(Vector256.ConvertToInt64(n) + Vector256.Create(1023L), 52).AsDouble();
        return p * scale;
    }

    /// <summary>
    /// ln x for positive normal x, within 2 ulp: x = m 2^e with m in [sqrt(1/2), sqrt 2), ln m = 2 atanh(f) with
    /// f = (m - 1)/(m + 1), |f| &lt;= 0.172, by its odd series to f^23 (remainder below 1e-19); ln x = e ln 2 + ln m.
    /// Exactly rounded operations only, for the reason given at <see cref="Exp"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsUInt64();
        var exponent = Vector256.ShiftRightLogical(bits, 52).AsInt64() - Vector256.Create(1023L);
        var m = ((bits & Vector256.Create(0x000FFFFFFFFFFFFFUL)) | Vector256.Create(0x3FF0000000000000UL)).AsDouble();
        var big = Vector256.GreaterThan(m, Vector256.Create(1.4142135623730951));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);
        exponent -= big.AsInt64();
        var f = (m - Vector256.Create(1.0)) / (m + Vector256.Create(1.0));
        var f2 = f * f;
        var series = Vector256.Create(1.0 / 23);
        for (int k = 21; k >= 1; k -= 2)
        {
            series = Vector256.FusedMultiplyAdd(series, f2, Vector256.Create(1.0 / k));
        }

        var lnM = Vector256.Create(2.0) * f * series;
        return Vector256.FusedMultiplyAdd(Vector256.ConvertToDouble(exponent), Vector256.Create(0.69314718055994530942), lnM);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Horner(Vector256<double> x, double c7, double c6, double c5, double c4, double c3, double c2, double c1, double c0)
    {
        var p = Vector256.Create(c7);
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c6));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c5));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c4));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c3));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c2));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c1));
        return Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Horner(Vector256<double> x, double c6, double c5, double c4, double c3, double c2, double c1, double c0)
    {
        var p = Vector256.Create(c6);
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c5));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c4));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c3));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c2));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c1));
        return Vector256.FusedMultiplyAdd(p, x, Vector256.Create(c0));
    }
}
