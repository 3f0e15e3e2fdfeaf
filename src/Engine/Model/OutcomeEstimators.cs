namespace StemSimulator.Engine.Model;

/// <summary>The names of the <see cref="OutcomeEstimator"/>s in the outputs; every switch throws on an estimator it does not know.</summary>
public static class OutcomeEstimators
{
    /// <summary>
    /// The estimator's name as the outputs write it: sampled or exact_conditional. <see cref="OutcomeEstimator.Automatic"/>
    /// has none: it is replaced by one of the two before a run (<see cref="Simulation.EstimatorSelection"/>).
    /// </summary>
    public static string Name(this OutcomeEstimator estimator) => estimator switch
    {
        OutcomeEstimator.Sampled => "sampled",
        OutcomeEstimator.ExactConditional => "exact_conditional",
        OutcomeEstimator.Automatic => throw new InvalidOperationException("The automatic estimator is chosen before a run; a run's outputs name the one chosen."),
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "Unknown estimator: add it to OutcomeEstimators."),
    };
}
