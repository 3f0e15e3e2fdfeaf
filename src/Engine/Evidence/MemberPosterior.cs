namespace StemSimulator.Engine.Evidence;

/// <summary>A member's position after the evidence (the Laplace approximation of its posterior).</summary>
/// <param name="Code">Unit code.</param>
/// <param name="Theta">Posterior mode of the position in <see cref="SourceYear"/>.</param>
/// <param name="StandardError">1 / sqrt(-d2 log posterior / d theta2) at the mode, &gt; 0.</param>
/// <param name="SourceYear">The year the position now stands for: the last evidence year, or the calibration year
/// when the member cast no vote in the evidence.</param>
/// <param name="Votes">Evidence votes that informed it.</param>
public sealed record MemberPosterior(string Code, double Theta, double StandardError, int SourceYear, int Votes);
