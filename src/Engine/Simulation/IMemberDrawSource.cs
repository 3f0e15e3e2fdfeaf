using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Where the kernel gets four members' random numbers: computed on the spot from their keys, or read from draws
/// kept for variants that share them. A struct type parameter, so each use compiles to straight-line code.
/// </summary>
internal interface IMemberDrawSource
{
    /// <summary>The uniforms of absence and of the latent noise for members i..i+3.</summary>
    void Load(int i, out Vector256<double> absenceUniform, out Vector256<double> noiseUniform);

    /// <summary>The latent noise Phi^-1(noiseUniform) for members i..i+3.</summary>
    Vector256<double> Noise(int i, Vector256<double> noiseUniform);

    /// <summary>The standard normal position draws of members i..i+3.</summary>
    Vector256<double> Position(int i);
}

/// <summary>Draws computed from the keys as the kernel goes (a vote no other variant shares).</summary>
internal readonly struct InlineDraws(VotePlan plan, ulong trialKey) : IMemberDrawSource
{
    private readonly Vector256<ulong> _trialKey = Vector256.Create(trialKey);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Load(int i, out Vector256<double> absenceUniform, out Vector256<double> noiseUniform)
    {
        var bits = SimdMath.Mix(_trialKey + TrialKernel.Load(plan.NoiseKey, i));
        absenceUniform = SimdMath.UniformHigh(bits);
        noiseUniform = SimdMath.UniformLow(bits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Noise(int i, Vector256<double> noiseUniform) => SimdMath.InverseNormal(noiseUniform);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Position(int i) =>
        SimdMath.InverseNormal(SimdMath.UniformLow(SimdMath.Mix(_trialKey + TrialKernel.Load(plan.PositionKey, i))));
}

/// <summary>Draws read back from <see cref="MemberDraws"/> filled once per trial for all variants sharing them.</summary>
internal readonly struct CachedDraws(MemberDraws draws) : IMemberDrawSource
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Load(int i, out Vector256<double> absenceUniform, out Vector256<double> noiseUniform)
    {
        absenceUniform = TrialKernel.Load(draws.AbsenceUniform, i);
        noiseUniform = TrialKernel.Load(draws.NoiseUniform, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Noise(int i, Vector256<double> noiseUniform) => TrialKernel.Load(draws.Noise, i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Position(int i) => TrialKernel.Load(draws.Position, i);
}
