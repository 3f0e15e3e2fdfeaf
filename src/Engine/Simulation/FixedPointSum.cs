namespace StemSimulator.Engine.Simulation;

/// <summary>
/// An exact, order-independent sum of numbers in [0, 1]: each is rounded to a multiple of 2^-62 and summed as a
/// 128-bit integer. Integer addition is associative, so the total is bit-identical for any thread count, block
/// size or split into shards; the rounding (below 2.2e-19 per term) is far below any Monte Carlo error.
/// </summary>
public struct FixedPointSum
{
    private const double Scale = 4611686018427387904.0; // 2^62

    private Int128 _total;

    /// <summary>Adds <paramref name="value"/>, which must lie in [0, 1].</summary>
    public void Add(double value) => _total += (long)Math.Round(Math.Clamp(value, 0.0, 1.0) * Scale);

    /// <summary>Adds another sum.</summary>
    public void Add(FixedPointSum other) => _total += other._total;

    /// <summary>The sum as a double.</summary>
    public readonly double Value => (double)_total / Scale;

    /// <summary>The raw 128-bit total, for storing and merging partial sums exactly.</summary>
    public readonly Int128 Raw => _total;

    /// <summary>A sum restored from <see cref="Raw"/>.</summary>
    public static FixedPointSum FromRaw(Int128 raw) => new() { _total = raw };
}
