using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Resolves <see cref="OutcomeEstimator.Automatic"/>: for each such vote, a pilot of the first trials of the run
/// (the same trials whatever the shard, so every shard chooses alike) measures the variance of both estimators,
/// and the exact conditional programme is chosen when it gives the smaller Monte Carlo error for the same time.
/// </summary>
/// <remarks>
/// With N trials the sampled estimator's variance is p(1 - p)/N and the exact one's Var(pi)/N, pi the per-trial
/// conditional probability. In the time of N sampled trials the exact estimator runs N/c trials, c its relative
/// cost, so it wins when c Var(pi) &lt; p(1 - p). The cost ratio is a constant measured with BenchmarkDotNet
/// (bench/README.md: the exact programme costs about 3.5 sampled trials on the reference workload), never a
/// timing of this run, so the choice, and therefore the results, do not depend on the machine's load.
/// </remarks>
public static class EstimatorSelection
{
    /// <summary>Cost of one exact-estimator trial relative to one sampled trial (measured; see remarks).</summary>
    public const double ExactCostRatio = 3.5;

    /// <summary>Trials in the pilot.</summary>
    public const int PilotTrials = 2048;

    /// <summary>The model with every automatic estimator replaced by the chosen one (the model itself when none is automatic).</summary>
    public static SimulationModel Resolve(SimulationModel model, CancellationToken cancellationToken = default) =>
        Resolve(model, 1, cancellationToken);

    /// <summary>
    /// The same, with the pilot on <paramref name="threads"/> workers (in blocks small enough to share it out); the
    /// choice does not depend on them.
    /// </summary>
    public static SimulationModel Resolve(SimulationModel model, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (!model.Variants.SelectMany(v => v.Votes).Any(v => v.Estimator == OutcomeEstimator.Automatic))
        {
            return model;
        }

        var pilotModel = Map(model, vote => vote.Estimator == OutcomeEstimator.Automatic ? vote.WithEstimator(OutcomeEstimator.ExactConditional) : vote);
        var pilot = MonteCarloSimulator.Run(
            pilotModel,
            new SimulationOptions { Threads = threads, BlockSize = Math.Max(128, PilotTrials / (2 * threads)), TrialCount = Math.Min(PilotTrials, model.Trials) },
            cancellationToken: cancellationToken);
        var chosen = new Dictionary<VoteModel, OutcomeEstimator>(ReferenceEqualityComparer.Instance);
        int index = 0;
        foreach (var vote in model.Variants.SelectMany(v => v.Votes))
        {
            var statistics = pilot.Votes[index++];
            if (vote.Estimator == OutcomeEstimator.Automatic)
            {
                chosen[vote] = Choose(statistics);
            }
        }

        return Map(model, vote => chosen.TryGetValue(vote, out var estimator) ? vote.WithEstimator(estimator) : vote);
    }

    /// <summary>The estimator with the smaller error per unit of computing time, from a pilot run with the exact estimator.</summary>
    public static OutcomeEstimator Choose(VoteStatistics pilot)
    {
        double p = pilot.PAdoptedSampled;
        double n = pilot.Trials;
        double mean = pilot.ExactSum.Value / n;
        double exactVariance = Math.Max(0.0, (pilot.ExactSumOfSquares.Value / n) - (mean * mean));
        double sampledVariance = p * (1 - p);
        // A pilot that never saw the outcome vary says nothing about p(1 - p): trust the exact estimator there.
        return sampledVariance == 0 || ExactCostRatio * exactVariance < sampledVariance
            ? OutcomeEstimator.ExactConditional
            : OutcomeEstimator.Sampled;
    }

    private static SimulationModel Map(SimulationModel model, Func<VoteModel, VoteModel> map) =>
        new(model.Seed, model.Trials, model.Variants.Select(v => v with { Votes = v.Votes.Select(map).ToArray() }).ToArray());
}
