using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

public sealed class MonteCarloSimulatorTests
{
    /// <summary>Collects every row a run produces, to compare runs row by row.</summary>
    private sealed class RecordingSink : ITrialBlockSink
    {
        public List<(long Trial, int Variant, int Vote, short Yes, short No, short Abstain, short Absent, bool Adopted, PermanentMembers Veto, double Exact)> Rows { get; } = [];

        public int LargestBlock { get; private set; }

        public void Write(TrialBlock block)
        {
            LargestBlock = Math.Max(LargestBlock, block.Count);
            for (int v = 0; v < 2; v++)
            {
                for (int j = 0; j < 2; j++)
                {
                    var c = block[v, j];
                    for (int r = 0; r < block.Count; r++)
                    {
                        Rows.Add((block.FirstTrial + r, v, j, c.Yes[r], c.No[r], c.Abstain[r], c.Absent[r], c.Adopted[r], c.VetoedBy[r], c.ExactProbability[r]));
                    }
                }
            }
        }
    }

    private static SimulationModel CorrelatedModel(long trials, OutcomeEstimator estimator = OutcomeEstimator.ExactConditional)
    {
        var shocks = new ShockModel(0.3, ["A", "B"], [0.2, 0.4]);
        var leans = Enumerable.Range(0, 193)
            .Select(i => new MemberLean(Mean: Math.Sin(i) * 1.5, PositionLoading: 0.2, NoBelow: -1.0, YesFrom: -0.2, AbsenceProbability: 0.03))
            .ToArray();
        var ga = TestModels.GeneralAssembly(leans, MajorityRule.TwoThirds, estimator, shocks, i => i % 3 == 0 ? [0] : i % 3 == 1 ? [0, 1] : [], "ga", 0);
        var councilLeans = Enumerable.Range(0, 15).Select(i => new MemberLean(Math.Cos(i), 0.1, -1.2, -0.3, 0)).ToArray();
        var sc = TestModels.SecurityCouncil(councilLeans, shocks: shocks);
        var shifted = leans.Select((l, i) => i == 7 ? l with { Mean = l.Mean + 2 } : l).ToArray();
        var gaVariant = TestModels.GeneralAssembly(shifted, MajorityRule.TwoThirds, estimator, shocks, i => i % 3 == 0 ? [0] : i % 3 == 1 ? [0, 1] : [], "ga", 0);
        return new SimulationModel(99, trials, [new VariantModel("baseline", [ga, sc]), new VariantModel("what-if", [gaVariant, sc])]);
    }

    [Test]
    public void Results_are_identical_for_any_thread_count_and_block_size()
    {
        var model = CorrelatedModel(1_500);
        var reference = new RecordingSink();
        var referenceResult = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 1, BlockSize = 8192 }, reference);

        foreach (var (threads, block) in new[] { (2, 1000), (4, 333), (3, 8192), (2, 1) })
        {
            var sink = new RecordingSink();
            var result = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = threads, BlockSize = block }, sink);

            Assert.That(sink.Rows.OrderBy(r => (r.Trial, r.Variant, r.Vote)), Is.EqualTo(reference.Rows.OrderBy(r => (r.Trial, r.Variant, r.Vote))), $"{threads} threads, blocks of {block}");
            for (int s = 0; s < result.Votes.Count; s++)
            {
                Assert.That(result.Votes[s].ExactSum.Raw, Is.EqualTo(referenceResult.Votes[s].ExactSum.Raw));
                Assert.That(result.Votes[s].YesHistogram, Is.EqualTo(referenceResult.Votes[s].YesHistogram));
                Assert.That(result.Votes[s].PAdopted, Is.EqualTo(referenceResult.Votes[s].PAdopted));
                Assert.That(result.Votes[s].Member(7), Is.EqualTo(referenceResult.Votes[s].Member(7)));
            }
        }
    }

    [Test]
    public void Shards_together_equal_the_whole_run()
    {
        var model = CorrelatedModel(1_500);
        var whole = new RecordingSink();
        var wholeResult = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2, BlockSize = 500 }, whole);
        var parts = new RecordingSink();
        var sums = new FixedPointSum[wholeResult.Votes.Count];
        foreach (var (first, count) in new[] { (0L, 617L), (617L, 500L), (1117L, 383L) })
        {
            var result = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2, BlockSize = 500, FirstTrial = first, TrialCount = count }, parts);
            for (int s = 0; s < sums.Length; s++)
            {
                sums[s].Add(result.Votes[s].ExactSum);
            }
        }

        Assert.That(parts.Rows.OrderBy(r => (r.Trial, r.Variant, r.Vote)), Is.EqualTo(whole.Rows.OrderBy(r => (r.Trial, r.Variant, r.Vote))));
        for (int s = 0; s < sums.Length; s++)
        {
            Assert.That(sums[s].Raw, Is.EqualTo(wholeResult.Votes[s].ExactSum.Raw));
        }
    }

    [Test]
    public void Blocks_are_bounded_so_memory_does_not_grow_with_trials()
    {
        var sink = new RecordingSink();
        var result = MonteCarloSimulator.Run(CorrelatedModel(20_000, OutcomeEstimator.Sampled), new SimulationOptions { Threads = 2, BlockSize = 1024 }, sink);

        Assert.That(sink.LargestBlock, Is.LessThanOrEqualTo(1024));
        Assert.That(result.Trials, Is.EqualTo(20_000));
        Assert.That(sink.Rows.Select(r => r.Trial).Distinct().Count(), Is.EqualTo(20_000));
    }

    [Test]
    public void Variants_share_random_numbers_so_unchanged_votes_are_identical()
    {
        var sink = new RecordingSink();
        MonteCarloSimulator.Run(CorrelatedModel(2_000, OutcomeEstimator.Sampled), new SimulationOptions { Threads = 2 }, sink);
        var council = sink.Rows.Where(r => r.Vote == 1).GroupBy(r => r.Trial);

        foreach (var trial in council)
        {
            var pair = trial.OrderBy(r => r.Variant).ToArray();
            Assert.That(pair[1] with { Variant = 0 }, Is.EqualTo(pair[0]));
        }

        // The what-if only moves member 7 towards yes: trial by trial, no other member's vote may change, so yes
        // can only rise and no only fall.
        var assembly = sink.Rows.Where(r => r.Vote == 0).GroupBy(r => r.Trial).Select(g => g.OrderBy(r => r.Variant).ToArray());
        foreach (var pair in assembly)
        {
            Assert.That(pair[1].Yes - pair[0].Yes, Is.InRange(0, 1));
            Assert.That(pair[0].No - pair[1].No, Is.InRange(0, 1));
        }
    }

    [Test]
    public void Sampled_member_votes_follow_the_ordered_probit()
    {
        var leans = new[]
        {
            new MemberLean(0.8, 0.3, -0.5, 0.4, 0.1),
            new MemberLean(-1.0, 0.0, -0.5, 0.4, 0.0),
            MemberLean.FromProbabilities(0.2, 0.3, 0.4),
        };
        var model = TestModels.Model(200_000, 5, TestModels.GeneralAssembly(leans));
        var stats = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[0];

        for (int i = 0; i < leans.Length; i++)
        {
            var expected = TestModels.Probabilities(leans[i]);
            var observed = stats.Member(i);
            foreach (var (o, e) in new[] { (observed.PYes, expected.Yes), (observed.PAbstain, expected.Abstain), (observed.PNo, expected.No), (observed.PAbsent, expected.Absent) })
            {
                Assert.That(o, Is.EqualTo(e).Within(4 * Math.Sqrt(e * (1 - e) / 200_000) + 1e-9), $"member {i}");
            }
        }
    }

    [Test]
    public void Exact_estimator_without_shocks_gives_the_exact_probability_in_every_trial()
    {
        var leans = TestModels.SpreadProbabilities(193);
        var yes = leans.Select(l => TestModels.Probabilities(l).Yes).ToArray();
        var no = leans.Select(l => TestModels.Probabilities(l).No).ToArray();
        double expected = ExactAdoption.GeneralAssembly(yes, no, MajorityRule.Simple, new double[ExactAdoption.BufferLength(193)], new double[ExactAdoption.BufferLength(193)]);
        var model = TestModels.Model(1_000, 3, TestModels.GeneralAssembly(leans, estimator: OutcomeEstimator.ExactConditional));

        var stats = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[0];

        Assert.That(stats.PAdopted, Is.EqualTo(expected).Within(1e-12));
        Assert.That(stats.PAdoptedStandardError, Is.EqualTo(0).Within(1e-9));
        Assert.That(stats.PAdoptedSampled, Is.EqualTo(expected).Within(4 * Math.Sqrt(expected * (1 - expected) / 1_000)));
    }

    [Test]
    public void Swing_is_the_share_of_trials_where_a_member_is_pivotal()
    {
        // Three members, each yes or no with probability 1/2, simple majority: a member decides exactly when the
        // other two split, which happens with probability 1/2.
        var leans = Enumerable.Repeat(MemberLean.FromProbabilities(0.5, 0.0, 0.5), 3).ToArray();
        var model = TestModels.Model(100_000, 8, TestModels.GeneralAssembly(leans));

        var stats = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[0];

        for (int i = 0; i < 3; i++)
        {
            Assert.That(stats.Member(i).Swing, Is.EqualTo(0.5).Within(4 * Math.Sqrt(0.25 / 100_000)));
        }

        Assert.That(stats.PAdopted, Is.EqualTo(0.5).Within(4 * Math.Sqrt(0.25 / 100_000)));
    }

    [Test]
    public void Council_veto_is_recorded_with_whether_it_was_decisive()
    {
        // Russia always votes no; the other fourteen vote yes with probability 0.6 each.
        var leans = TestModels.Council2026.Select(code => code == "RUS" ? MemberLean.Certain(VoteChoice.No) : MemberLean.FromProbabilities(0.6, 0.4, 0)).ToArray();
        var model = TestModels.Model(50_000, 4, TestModels.SecurityCouncil(leans));
        var sink = new SingleVoteSink();

        var stats = MonteCarloSimulator.Run(model, new SimulationOptions(), sink).Votes[0];

        Assert.That(stats.PVeto, Is.EqualTo(1));
        Assert.That(stats.PAdopted, Is.Zero);
        Assert.That(stats.VetoCountByMember[3], Is.EqualTo(50_000), "RUS is the fourth permanent member alphabetically");
        Assert.That(sink.Rows.All(r => r.Decisive == (r.Yes >= 9)), Is.True);
        // P(at least 9 of 14 yes) with p = 0.6, computed from the binomial distribution.
        double decisive = Enumerable.Range(9, 6).Sum(k => MathNet.Numerics.Distributions.Binomial.PMF(0.6, 14, k));
        Assert.That(stats.PVetoDecisive, Is.EqualTo(decisive).Within(4 * Math.Sqrt(decisive * (1 - decisive) / 50_000)));
    }

    [Test]
    public void Procedural_council_votes_are_never_vetoed()
    {
        var leans = TestModels.Council2026.Select(code => PermanentMembersExtensions.FromCode(code) != PermanentMembers.None ? MemberLean.Certain(VoteChoice.No) : MemberLean.FromProbabilities(0.9, 0.1, 0)).ToArray();
        var model = TestModels.Model(20_000, 4, TestModels.SecurityCouncil(leans, CouncilDecision.Procedural));

        var stats = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[0];

        Assert.That(stats.VetoCount, Is.Zero);
        double expected = Enumerable.Range(9, 2).Sum(k => MathNet.Numerics.Distributions.Binomial.PMF(0.9, 10, k));
        Assert.That(stats.PAdopted, Is.EqualTo(expected).Within(1e-12), "exact estimator, no shocks");
    }

    private sealed class SingleVoteSink : ITrialBlockSink
    {
        public List<(int Yes, bool Decisive)> Rows { get; } = [];

        public void Write(TrialBlock block)
        {
            var c = block[0, 0];
            for (int r = 0; r < block.Count; r++)
            {
                Rows.Add((c.Yes[r], c.VetoedBy[r] != PermanentMembers.None && c.Yes[r] >= 9));
            }
        }
    }
}
