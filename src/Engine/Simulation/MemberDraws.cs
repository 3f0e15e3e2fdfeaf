namespace StemSimulator.Engine.Simulation;

/// <summary>
/// One vote's per-member random numbers in one trial (padded to whole vectors): kept so that variants drawing the
/// same numbers (common random numbers) draw them once, and laid out so that all the trial's normal quantiles are
/// computed in one pass (<see cref="Simd.SimdMath.InverseNormal(ReadOnlySpan{double}, Span{double}, int, Span{int})"/>).
/// </summary>
internal sealed class MemberDraws(int padded)
{
    /// <summary>Uniform in (0, 1) deciding absence: absent when below the member's absence probability.</summary>
    public double[] AbsenceUniform { get; } = new double[padded];

    /// <summary>Uniforms of the latent noise at <c>[0, Padded)</c>, then of the position draws at <c>[Padded, 2 Padded)</c>.</summary>
    public double[] Uniform { get; } = new double[2 * padded];

    /// <summary>Their normal quantiles, laid out alike (when the vote needs them): the latent noise, then the positions.</summary>
    public double[] Normal { get; } = new double[2 * padded];

    /// <summary>Scratch of the quantile pass.</summary>
    public int[] TailIndex { get; } = new int[(2 * padded) + 4];

    /// <summary>Whether the arrays hold the current trial's draws.</summary>
    public bool Valid { get; set; }
}
