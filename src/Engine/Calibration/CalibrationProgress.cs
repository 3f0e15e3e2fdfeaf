namespace StemSimulator.Engine.Calibration;

/// <summary>Where a calibration is: after each outer iteration of <see cref="IdealPointEstimator.Fit"/>.</summary>
/// <param name="Iteration">Completed outer iterations, from 1.</param>
/// <param name="LogLikelihood">Vote log-likelihood (yes/abstain/no, without priors) after the iteration, &lt;= 0.</param>
/// <param name="LargestPositionChange">Largest change of any member-year position in the iteration, &gt;= 0.</param>
public readonly record struct CalibrationProgress(int Iteration, double LogLikelihood, double LargestPositionChange);
