using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Running;

/// <summary>
/// The band over the assumptions a run makes about its analogs: the scenario compiled again with every measured analog
/// spread at the low and at the high end of its kind's plausible range (<see cref="AnalogSpreads.PlausibleRange"/>;
/// spreads set by hand stay), each simulated over the run's first <see cref="MaxTrials"/> trials (at most) with the
/// run's own random numbers (common random numbers: only the spread differs). A shard simulates the band's trials in
/// its own range, so merged shards give the whole run's band exactly.
/// </summary>
internal static class AssumptionBandRun
{
    /// <summary>
    /// Trials the band reruns at each end (fewer when the run has fewer). Each end's P(adopted) then has a Monte Carlo
    /// standard error of at most 0.5 / sqrt(20,000), about 0.35 points; the band's cost is bounded whatever the run's size.
    /// </summary>
    public const long MaxTrials = 20_000;

    /// <summary>
    /// The band's states (low end, then high end), or null when no vote's spread moves between the ends (no analog,
    /// spreads set by hand, or a kind whose range is a single value).
    /// </summary>
    /// <param name="loaded">The run's scenario as it loaded (compiled again at each end from the same document and inputs).</param>
    /// <param name="overrides">The run's overrides (trials, seed, calibration).</param>
    /// <param name="model">The run's model, its estimators resolved or not: only its analog spreads are read, so the band can start before the run's pilot has chosen.</param>
    /// <param name="firstTrial">First trial of the run's shard.</param>
    /// <param name="trialCount">Trials of the run's shard.</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="cancellationToken">Stops the simulations.</param>
    public static IReadOnlyList<AssumptionBandState>? Simulate(ScenarioLoadResult loaded, RunOverrides overrides, SimulationModel model, long firstTrial, long trialCount, int threads, CancellationToken cancellationToken)
    {
        long bandTrials = Math.Min(MaxTrials, model.Trials);
        long count = Math.Max(0, Math.Min(bandTrials, firstTrial + trialCount) - firstTrial);
        var models = new List<(AnalogSetting Setting, SimulationModel Model)>();
        foreach (var setting in new[] { AnalogSetting.Low, AnalogSetting.High })
        {
            var end = ScenarioLoader.Recompile(loaded, overrides with { AnalogSetting = setting });
            if (end.Model is null)
            {
                // The same document compiled a moment ago; a setting cannot make it invalid.
                throw new InvalidOperationException($"The scenario did not compile with the analog spreads at their {setting} end.");
            }

            models.Add((setting, end.Model));
        }

        if (models.All(m => SameSpreads(m.Model, model)))
        {
            return null;
        }

        var states = new List<AssumptionBandState>();
        foreach (var (setting, alternative) in models)
        {
            if (SameSpreads(alternative, model))
            {
                // This end is the run itself (every measured spread is already at it): the run's own figures serve.
                states.Add(new AssumptionBandState(setting, bandTrials, []) { SameAsRun = true });
                continue;
            }

            var resolved = EstimatorSelection.Resolve(alternative, threads, cancellationToken);
            // A shard past the band's trials counts none of them (and simulates nothing).
            var result = MonteCarloSimulator.Run(resolved, new SimulationOptions { Threads = threads, FirstTrial = firstTrial, TrialCount = count }, null, null, cancellationToken);
            states.Add(AssumptionBandState.Of(setting, bandTrials, result, alternative, model));
        }

        return states;
    }

    private static bool SameSpreads(SimulationModel a, SimulationModel b) =>
        a.Variants.Zip(b.Variants).All(v => v.First.Votes.Zip(v.Second.Votes).All(x => x.First.AnalogSd == x.Second.AnalogSd));
}
