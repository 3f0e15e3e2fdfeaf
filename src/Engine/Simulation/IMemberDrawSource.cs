using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Where the kernel gets four members' uniforms for a static vote (no normal quantiles needed): computed on the spot
/// from their keys, or read from draws kept for variants that share them. A struct type parameter, so each use
/// compiles to straight-line code. (Dynamic votes read <see cref="MemberDraws"/>, filled in one pass.)
/// </summary>
internal interface IMemberDrawSource
{
    /// <summary>The uniforms of absence and of the latent noise for members i..i+3.</summary>
    void Load(int i, out Vector256<double> absenceUniform, out Vector256<double> noiseUniform);
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
}

/// <summary>Draws read back from <see cref="MemberDraws"/> filled once per trial for all variants sharing them.</summary>
internal readonly struct CachedDraws(MemberDraws draws) : IMemberDrawSource
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Load(int i, out Vector256<double> absenceUniform, out Vector256<double> noiseUniform)
    {
        absenceUniform = TrialKernel.Load(draws.AbsenceUniform, i);
        noiseUniform = TrialKernel.Load(draws.Uniform, i);
    }
}
