namespace StemSimulator.Engine.Model;

/// <summary>How a vote's probability of adoption is estimated from the trials.</summary>
public enum OutcomeEstimator : byte
{
    /// <summary>Share of trials in which the sampled votes adopt the proposal.</summary>
    Sampled = 0,

    /// <summary>
    /// Mean over trials of the exact probability of adoption given the trial's shocks and position draws
    /// (a Rao-Blackwellised estimator: the members' own noise and absences are integrated out by dynamic
    /// programming over the vote margin). Never has a larger variance than <see cref="Sampled"/>.
    /// </summary>
    ExactConditional = 1,

    /// <summary>
    /// Chosen before the run by <see cref="Simulation.EstimatorSelection"/>: the exact estimator when it gives the
    /// smaller error for the same computing time, the sampled one otherwise.
    /// </summary>
    Automatic = 2,
}
