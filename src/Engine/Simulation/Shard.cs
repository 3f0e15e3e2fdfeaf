namespace StemSimulator.Engine.Simulation;

/// <summary>
/// One of <see cref="Count"/> parts of a run: shard k runs the contiguous trials
/// [floor(T k / N), floor(T (k + 1) / N)), so the shards cover every trial exactly once and differ in size by at
/// most one. Because every trial is a pure function of (seed, trial), the union of the shards is the whole run.
/// </summary>
/// <param name="Index">The shard, 0 to <see cref="Count"/> - 1.</param>
/// <param name="Count">Number of shards, 1 to the number of trials.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The unsharded run.</summary>
    public static Shard Whole { get; } = new(0, 1);

    /// <summary>Whether this is the whole run rather than a part.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>The first trial and the number of trials of this shard of a run of <paramref name="trials"/> trials.</summary>
    public (long FirstTrial, long TrialCount) TrialsOf(long trials)
    {
        Validate(trials);
        long first = Scaled(trials, Index, Count);
        long next = Scaled(trials, Index + 1, Count);
        return (first, next - first);
    }

    /// <summary>floor(trials * k / count) without overflow, for 0 &lt;= k &lt;= count &lt;= trials.</summary>
    private static long Scaled(long trials, int k, int count) =>
        // The product fits 64 bits for every run of fewer than 2^63 / count trials; the rest take the 128-bit path,
        // kept apart because crossgen2 leaves any method doing Int128 arithmetic to the JIT.
        k == 0 || trials <= long.MaxValue / k ? trials * k / count : ScaledWide(trials, k, count);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long ScaledWide(long trials, int k, int count) => (long)((Int128)trials * k / count);

    /// <summary>Throws when the shard does not fit a run of <paramref name="trials"/> trials.</summary>
    public void Validate(long trials)
    {
        if (Count < 1 || Count > trials)
        {
            throw new InvalidOperationException($"The shard count must be between 1 and the number of trials ({trials}), not {Count}.");
        }

        if (Index < 0 || Index >= Count)
        {
            throw new InvalidOperationException($"The shard index must be between 0 and {Count - 1}, not {Index}.");
        }
    }
}
