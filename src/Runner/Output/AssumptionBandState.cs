using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Output;

/// <summary>
/// The votes rerun at one end of the analogs' plausible range (<see cref="AnalogSpreads.PlausibleRange"/>) over the
/// band's trials: the run's first <see cref="BandTrials"/> trials, with the run's own random numbers, so that a shard
/// counts the band's trials that fall in its own range and the states of all shards add up to the whole run's.
/// </summary>
/// <param name="Setting">The end of the range (<see cref="AnalogSetting.Low"/> or <see cref="AnalogSetting.High"/>).</param>
/// <param name="BandTrials">Trials of the whole run the band reruns (its first ones), 1 or more.</param>
/// <param name="Votes">Per variant and vote, in the run's order: the counts over the band's trials these shards hold.</param>
internal sealed record AssumptionBandState(AnalogSetting Setting, long BandTrials, IReadOnlyList<AssumptionBandCounts> Votes)
{
    /// <summary>
    /// Whether every vote's spread at this end is the run's own, so nothing was rerun (<see cref="Votes"/> is empty)
    /// and the run's figures stand for this end.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool SameAsRun { get; init; }

    /// <summary>The counts of the votes of <paramref name="result"/>, simulated from <paramref name="model"/> at <paramref name="setting"/>; <paramref name="run"/> is the run's own model.</summary>
    public static AssumptionBandState Of(AnalogSetting setting, long bandTrials, SimulationResult result, SimulationModel model, SimulationModel run)
    {
        double SpreadOf(SimulationModel m, string variant, string voteId) =>
            m.Variants.First(v => v.Name == variant).Votes.First(v => v.Id == voteId).AnalogSd;
        return new(setting, bandTrials, result.Votes.Select(v => new AssumptionBandCounts(
            v.Variant, v.Vote.Id, v.Vote.Estimator == OutcomeEstimator.ExactConditional, v.Trials, v.HeldCount, v.AdoptedCount, v.ExactSum.Raw)
        {
            Spread = SpreadOf(model, v.Variant, v.Vote.Id),
            RunSpread = SpreadOf(run, v.Variant, v.Vote.Id),
        }).ToArray());
    }

    /// <summary>The states of several shards at one setting, added exactly.</summary>
    /// <exception cref="ArgumentException">They are of different settings, band sizes or votes.</exception>
    public static AssumptionBandState Merge(IReadOnlyList<AssumptionBandState> states)
    {
        var first = states[0];
        if (states.Any(s => s.Setting != first.Setting || s.BandTrials != first.BandTrials || s.SameAsRun != first.SameAsRun || s.Votes.Count != first.Votes.Count))
        {
            throw new ArgumentException("The shards' bands differ in setting, trials or votes.", nameof(states));
        }

        return first with
        {
            Votes = Enumerable.Range(0, first.Votes.Count).Select(j => AssumptionBandCounts.Merge(states.Select(s => s.Votes[j]).ToArray())).ToArray(),
        };
    }
}
