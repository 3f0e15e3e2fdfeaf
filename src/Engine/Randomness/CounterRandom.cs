using System.Runtime.CompilerServices;

namespace StemSimulator.Engine.Randomness;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of (seed, trial, purpose, stream, index), so a
/// run gives bit-identical results for any number of threads and any split into shards, and what-if variants
/// share their random numbers.
/// </summary>
/// <remarks>
/// The generator is the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014; constants of Stafford's "Mix13")
/// applied to a key built from the draw's coordinates: <c>k = mix(mix(seed + trial * G) + coord * G)</c>, with
/// <c>G = 0x9E3779B97F4A7C15</c> the golden-ratio increment. Each coordinate tuple gets its own 64-bit output;
/// SplitMix64 on distinct counters passes BigCrush. System.Random is not used: its seeded sequence is not
/// stable across .NET versions.
/// </remarks>
public readonly struct CounterRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    private const double TwoPowMinus32 = 1.0 / 4294967296.0;

    private readonly ulong _trialKey;

    /// <summary>The random numbers of one trial.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="trial">The trial index, 0-based over the whole run (not the shard).</param>
    public CounterRandom(ulong seed, long trial)
    {
        _trialKey = Mix(seed + ((ulong)trial * Golden));
    }

    private CounterRandom(ulong trialKey, bool _) => _trialKey = trialKey;

    /// <summary>
    /// The random numbers of attempt <paramref name="attempt"/> at this trial, for a run that conditions on announced
    /// votes by rejection: attempt 0 is the trial itself; every later attempt has a key of its own, a pure function of
    /// the trial's key and the attempt, so draws stay independent of threads and shards.
    /// </summary>
    /// <param name="attempt">0 or more.</param>
    internal CounterRandom Redraw(int attempt) =>
        attempt == 0 ? this : new CounterRandom(Mix(_trialKey + MemberKey(RandomPurpose.GivenRedraw, 0, attempt)), false);

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mixer with full avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The trial's part of every key; the vectorised kernel combines it with <see cref="MemberKey"/>.</summary>
    internal ulong TrialKey => _trialKey;

    /// <summary>
    /// The draw's part of the key, independent of the trial: <c>Bits(purpose, stream, index) = Mix(TrialKey + MemberKey(...))</c>.
    /// The kernel computes it once per vote and member instead of once per trial.
    /// </summary>
    public static ulong MemberKey(RandomPurpose purpose, int stream, int index)
    {
        ulong coordinate = ((ulong)purpose << 48) | ((ulong)(ushort)stream << 32) | (uint)index;
        return Mix(coordinate) * Golden;
    }

    /// <summary>The uniform (lo + 1/2) / 2^32 in (0, 1) from the low 32 bits of a draw.</summary>
    public static double UniformLow(ulong bits) => ((uint)bits + 0.5) * TwoPowMinus32;

    /// <summary>The uniform (hi + 1/2) / 2^32 in (0, 1) from the high 32 bits of a draw.</summary>
    public static double UniformHigh(ulong bits) => ((bits >> 32) + 0.5) * TwoPowMinus32;

    /// <summary>64 random bits for the draw (purpose, stream, index) of this trial.</summary>
    /// <param name="purpose">What the draw is for.</param>
    /// <param name="stream">A sub-stream, such as the vote's index (0 to 65535).</param>
    /// <param name="index">The member or bloc index (0 to 2^32 - 1).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Bits(RandomPurpose purpose, int stream, int index)
    {
        return Mix(_trialKey + MemberKey(purpose, stream, index));
    }

    /// <summary>A uniform number in the open interval (0, 1), with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(RandomPurpose purpose, int stream, int index) => Uniform(MemberKey(purpose, stream, index));

    /// <summary>
    /// <see cref="Uniform(RandomPurpose, int, int)"/> of a coordinate whose <see cref="MemberKey"/> is already known
    /// (the kernel computes the keys once per run).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Uniform(ulong memberKey) => ((Mix(_trialKey + memberKey) >> 11) + 0.5) * TwoPowMinus53;

    /// <summary>A standard normal number, by inversion of a uniform (<see cref="StandardNormal.InverseCdf"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Normal(RandomPurpose purpose, int stream, int index) =>
        StandardNormal.InverseCdf(Uniform(purpose, stream, index));
}
