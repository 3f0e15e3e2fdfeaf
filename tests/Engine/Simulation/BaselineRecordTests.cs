using System.Text.Json;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Engine.Simulation;

/// <summary>
/// A run given its baseline's recorded trials simulates only the other variants and gives, bit for bit, the statistics
/// of a run of all of them; the estimator the pilot picks for a variant does not depend on the variants beside it.
/// Checked on the shipped scenarios with several variants (Assembly and Council votes, chains of votes, announced
/// votes), at a few thousand trials.
/// </summary>
public sealed class BaselineRecordTests
{
    private static readonly string[] Scenarios =
    [
        "ga-territorial-integrity-2026.yaml", "ga-climate-eu-sids-2026.yaml", "ga-human-rights-nam-outreach-2026.yaml",
        "sc-ceasefire-draft-2026.yaml", "sc-g4-reform-2026.yaml", "sc-veto-chain-2026.yaml",
    ];

    private static SimulationModel Load(string file)
    {
        var loaded = ScenarioLoader.Load(file, File.ReadAllBytes(Path.Combine(RepositoryPaths.Scenarios, file)), new RunOverrides { Trials = 5_000 });
        Assert.That(loaded.Model, Is.Not.Null, string.Join("\n", loaded.Diagnostics.Select(d => d.Message)));
        return loaded.Model!;
    }

    private static string Json(SimulationResult result) =>
        JsonSerializer.Serialize(result.Votes.Select(v => v.ToState()).ToArray());

    [TestCaseSource(nameof(Scenarios))]
    public void A_run_on_the_recorded_baseline_gives_the_statistics_of_a_whole_run(string file)
    {
        var model = Load(file);
        Assume.That(model.Variants, Has.Count.GreaterThan(1));
        Assume.That(BaselineRecord.CanRecord(model), Is.True, "a scenario without elections and drift");
        var resolved = EstimatorSelection.Resolve(model);
        var options = new SimulationOptions { Threads = 2, BlockSize = 1024 };
        string whole = Json(MonteCarloSimulator.Run(resolved, options));

        var (recordedRun, record) = BaselineRecord.RunAndRecord(resolved, options);
        var reused = MonteCarloSimulator.Run(resolved, options, record, null, null, CancellationToken.None);

        Assert.That(Json(recordedRun), Is.EqualTo(whole), "recording changes nothing");
        Assert.That(Json(reused), Is.EqualTo(whole), "the variants beside the recorded baseline, bit for bit");
        Assert.That(reused.Votes.Skip(model.VoteCount).All(v => v.HasPairedDifference), Is.True);
    }

    [TestCaseSource(nameof(Scenarios))]
    public void The_pilot_picks_a_variants_estimators_alike_with_or_without_the_baseline_beside_it(string file)
    {
        var model = Load(file);
        Assume.That(model.Variants, Has.Count.GreaterThan(1));
        var together = EstimatorSelection.Resolve(model, 2, CancellationToken.None);
        var alone = EstimatorSelection.Resolve(new SimulationModel(model.Seed, model.Trials, model.Variants.Skip(1).ToArray()), 2, CancellationToken.None);
        var single = EstimatorSelection.Resolve(model);

        Assert.That(
            alone.Variants.SelectMany(v => v.Votes).Select(v => v.Estimator),
            Is.EqualTo(together.Variants.Skip(1).SelectMany(v => v.Votes).Select(v => v.Estimator)));
        Assert.That(together.Variants.SelectMany(v => v.Votes).Select(v => v.Estimator), Is.EqualTo(single.Variants.SelectMany(v => v.Votes).Select(v => v.Estimator)), "the pilot on two workers chooses as on one");
    }

    [Test]
    public void A_record_of_another_baseline_or_other_trials_is_refused()
    {
        var model = Load("ga-territorial-integrity-2026.yaml");
        var resolved = EstimatorSelection.Resolve(model);
        var (_, record) = BaselineRecord.RunAndRecord(resolved, new SimulationOptions { Threads = 1 });
        var recompiled = EstimatorSelection.Resolve(Load("ga-territorial-integrity-2026.yaml"));

        Assert.Throws<ArgumentException>(() => MonteCarloSimulator.Run(recompiled, new SimulationOptions(), record, null, null, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => MonteCarloSimulator.Run(resolved, new SimulationOptions { TrialCount = 100 }, record, null, null, CancellationToken.None));
    }
}
