namespace StemSimulator.Engine.Simulation;

/// <summary>
/// One vote's per-member random numbers in one trial (padded to whole vectors): kept so that variants drawing the
/// same numbers (common random numbers) draw them once, and laid out so that all the trial's normal quantiles are
/// computed in one pass (<see cref="Simd.SimdMath.InverseNormal(ReadOnlySpan{double}, Span{double}, int, Span{int})"/>).
/// </summary>
/// <param name="padded">Participants, padded to whole vectors.</param>
/// <param name="shocks">Shock draws it may hold after the members' (<see cref="VotePlan.ShockKeys"/>).</param>
internal sealed class MemberDraws(int padded, int shocks)
{
    /// <summary>Uniform in (0, 1) deciding absence: absent when below the member's absence probability.</summary>
    public double[] AbsenceUniform { get; } = new double[padded];

    /// <summary>
    /// Uniforms of the latent noise at <c>[0, p)</c> (p: the vote's padded participants), then of the position draws at
    /// <c>[p, 2p)</c> when drawn, then of the vote's shocks.
    /// </summary>
    public double[] Uniform { get; } = new double[(2 * padded) + shocks];

    /// <summary>Their normal quantiles, laid out alike (when the vote needs them).</summary>
    public double[] Normal { get; } = new double[(2 * padded) + shocks];

    /// <summary>Scratch of the quantile pass.</summary>
    public int[] TailIndex { get; } = new int[(2 * padded) + shocks + 4];

    /// <summary>Whether the arrays hold the current trial's draws.</summary>
    public bool Valid { get; set; }
}
