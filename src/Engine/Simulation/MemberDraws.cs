namespace StemSimulator.Engine.Simulation;

/// <summary>
/// One vote's per-member random numbers in one trial (padded to whole vectors), kept so that variants drawing the
/// same numbers (common random numbers) draw them once.
/// </summary>
internal sealed class MemberDraws(int padded)
{
    /// <summary>Uniform in (0, 1) deciding absence: absent when below the member's absence probability.</summary>
    public double[] AbsenceUniform { get; } = new double[padded];

    /// <summary>Uniform in (0, 1) of the latent noise.</summary>
    public double[] NoiseUniform { get; } = new double[padded];

    /// <summary>The latent noise, Phi^-1 of <see cref="NoiseUniform"/> (when the vote needs it).</summary>
    public double[] Noise { get; } = new double[padded];

    /// <summary>The member's standard normal position draw (when the vote needs it).</summary>
    public double[] Position { get; } = new double[padded];

    /// <summary>Whether the arrays hold the current trial's draws.</summary>
    public bool Valid { get; set; }
}
