namespace StemSimulator.Engine.Evidence;

/// <summary>What the totals of a recorded vote say about its shared shifts (<see cref="TotalsEvidence"/>).</summary>
/// <param name="CommonShift">Posterior mean of the shift every member shares (global shock plus analog shift), in latent units.</param>
/// <param name="CommonSd">Its posterior standard deviation, &gt;= 0.</param>
/// <param name="BlocShifts">Posterior mean of each bloc's shock, aligned with the blocs given.</param>
/// <param name="EffectiveDraws">Effective sample size of the final importance weights, (sum w)^2 / sum w^2.</param>
public sealed record TotalsPosterior(double CommonShift, double CommonSd, IReadOnlyList<double> BlocShifts, double EffectiveDraws);
