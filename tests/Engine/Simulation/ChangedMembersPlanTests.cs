using System.Text;
using System.Text.Json;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Engine.Simulation;

/// <summary>
/// A what-if run on a recorded baseline recounts a vote through the members the variant changed
/// (<see cref="ChangedMembersPlan"/>) when it can, and its statistics (P(adopted), the count histograms, every member's
/// vote counts and swings, the paired difference) are bit for bit those of a run that simulates every member; the
/// changes it cannot recount that way (shocks, the analog, announced votes, every member moved) are simulated whole.
/// The variants are written on ga-territorial-integrity-2026 (shocks, position draws, the analog drawn per trial).
/// </summary>
public sealed class ChangedMembersPlanTests
{
    /// <summary>A variant's YAML, whether the recount serves it, and why.</summary>
    public static IEnumerable<TestCaseData> Variants()
    {
        yield return Case("blocs:\n      AFRICAN_GROUP: { shift: 0.5 }", true, "a bloc shifted");
        yield return Case("blocs:\n      AFRICAN_GROUP: { shift: -2.5 }\n      OIC: { shift: -2.5 }", true, "two blocs shifted far: a close vote, many pivotal trials");
        yield return Case("members:\n      USA: { vote: no }\n      FRA: { vote: absent }\n      BRA: { vote: abstain }\n      IND: { vote: yes }", true, "fixed votes (the members leave their blocs' shocks)");
        yield return Case("votes:\n      ga-territorial-integrity: { majority: two_thirds }", true, "another majority: no member changed, the trials recounted");
        yield return Case("outreach: { members: [IDN, ZAF, BRA], effect: 0.3 }", true, "outreach to three members");
        yield return Case("cosponsors: { blocs: [EU], effect: 0.5 }", false, "co-sponsors (the others move by closeness)");
        yield return Case("votes:\n      ga-territorial-integrity: { like: { vote: A/RES/68/262, spread: 1.0 } }", false, "the analog's spread: every member's shock");
        yield return Case("votes:\n      ga-territorial-integrity: { given: { USA: yes } }", false, "announced votes: the trials conditioned");
        yield return Case("blocs:\n      NAM: { shift: 0.3 }\n      AFRICAN_GROUP: { shift: 0.3 }\n      WEOG: { shift: 0.3 }\n      EU: { shift: 0.3 }", false, "most members shifted");
    }

    private static TestCaseData Case(string variant, bool? recounted, string name) =>
        new TestCaseData(variant, recounted).SetName($"The recount of a variant equals the whole simulation: {name}");

    [TestCaseSource(nameof(Variants))]
    public void A_variant_recounted_on_the_recorded_baseline_equals_its_whole_simulation(string variant, bool? recounted)
    {
        var model = EstimatorSelection.Resolve(Load(variant));
        var options = new SimulationOptions { Threads = 2, BlockSize = 512 };
        var whole = MonteCarloSimulator.Run(model, options);
        var (_, record) = BaselineRecord.RunAndRecord(model, options);
        var plans = ChangedMembersPlan.ForRun(model, TrialKernel.Plan(model), record);
        var reused = MonteCarloSimulator.Run(model, options, record, null, null, CancellationToken.None);

        if (recounted is { } expected)
        {
            Assert.That(plans[1][0] is not null, Is.EqualTo(expected), "whether the vote is recounted through its changed members");
        }

        Assert.That(Json(reused), Is.EqualTo(Json(whole)), "bit for bit");
        Assert.That(reused.Votes[1].HasPairedDifference, Is.True);
        TestContext.Out.WriteLine($"recounted: {plans[1][0] is not null}, changed: {plans[1][0]?.Changed.Length}, P(adopted) {whole.Votes[0].PAdopted} -> {whole.Votes[1].PAdopted}, estimator {model.Variants[1].Votes[0].Estimator}");
    }

    [Test]
    public void A_close_recounted_vote_counts_the_swings_of_members_it_did_not_redraw()
    {
        var model = EstimatorSelection.Resolve(Load("blocs:\n      AFRICAN_GROUP: { shift: -2.5 }\n      OIC: { shift: -2.5 }"));
        var options = new SimulationOptions { Threads = 1 };
        var (_, record) = BaselineRecord.RunAndRecord(model, options);
        var plan = ChangedMembersPlan.ForRun(model, TrialKernel.Plan(model), record)[1][0];
        Assume.That(plan, Is.Not.Null);
        var state = MonteCarloSimulator.Run(model, options, record, null, null, CancellationToken.None).Votes[1].ToState();

        int n = state.Vote.Count;
        long unchangedSwings = Enumerable.Range(0, n).Where(p => plan!.Unchanged[p]).Sum(p => state.MemberCounts[(4 * n) + p]);
        long unchangedYes = Enumerable.Range(0, n).Where(p => plan!.Unchanged[p]).Sum(p => state.MemberCounts[p]);
        Assert.That(unchangedSwings, Is.GreaterThan(0), "the close trials were decided whole, so unchanged members can swing it");
        Assert.That(unchangedYes, Is.EqualTo(Enumerable.Range(0, n).Where(p => plan!.Unchanged[p]).Sum(p => record.Votes[0].ToState().MemberCounts[p])), "their yes votes are the baseline's");
    }

    [Test]
    public void A_variant_with_the_exact_estimator_is_simulated_whole()
    {
        var model = EstimatorSelection.Resolve(Load("blocs:\n      AFRICAN_GROUP: { shift: 0.5 }"));
        var exact = new SimulationModel(model.Seed, model.Trials, model.Variants.Select(v => v with { Votes = v.Votes.Select(x => x.WithEstimator(OutcomeEstimator.ExactConditional)).ToArray() }).ToArray());
        var options = new SimulationOptions { Threads = 2, BlockSize = 512 };
        var (_, record) = BaselineRecord.RunAndRecord(exact, options);

        Assert.That(ChangedMembersPlan.ForRun(exact, TrialKernel.Plan(exact), record)[1][0], Is.Null, "the exact estimator needs every member's probabilities");
        Assert.That(Json(MonteCarloSimulator.Run(exact, options, record, null, null, CancellationToken.None)), Is.EqualTo(Json(MonteCarloSimulator.Run(exact, options))));
    }

    /// <summary>ga-territorial-integrity-2026 at 4,000 trials with <paramref name="variant"/> (YAML, indented as a variant's keys) as its only variant.</summary>
    private static SimulationModel Load(string variant)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "ga-territorial-integrity-2026.yaml"));
        text = text[..text.IndexOf("variants:", StringComparison.Ordinal)] + "variants:\n  - name: what-if\n    " + variant + "\n";
        var loaded = ScenarioLoader.Load("scenario.yaml", Encoding.UTF8.GetBytes(text), new RunOverrides { Trials = 4_000 });
        Assert.That(loaded.Model, Is.Not.Null, string.Join("\n", loaded.Diagnostics.Select(d => d.Message)));
        return loaded.Model!;
    }

    private static string Json(SimulationResult result) =>
        JsonSerializer.Serialize(result.Votes.Select(v => v.ToState()).ToArray());
}
