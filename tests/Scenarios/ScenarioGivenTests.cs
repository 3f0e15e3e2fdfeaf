using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// <c>given:</c> in a scenario: the announcing members are fixed to their announcements and keep their leans for the
/// weighing; a variant's <c>given</c> replaces the vote's; and the run moves the announcing member's friends, which a
/// fixed vote does not.
/// </summary>
public sealed class ScenarioGivenTests
{
    private static readonly string Yaml = ScenarioYaml.Conditioned(trials: 4000, seed: 3) + """
            given: { USA: no, CHN: absent }
        variants:
          - name: unknown
            votes: { v: { given: {} } }
          - name: china
            votes: { v: { given: { CHN: abstain } } }
          - name: fixed
            votes:
              v:
                given: {}
                members:
                  USA: { vote: no }
        """;

    [Test]
    public void Announcing_members_are_fixed_and_keep_their_leans_and_a_variant_replaces_the_votes_given()
    {
        var load = ScenarioText.Load(Yaml);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        var model = load.Model!;
        var baseline = model.Variants[0].Votes[0];
        var unknown = model.Variants[1].Votes[0];
        var china = model.Variants[2].Votes[0];
        int usa = Array.IndexOf(baseline.Codes, "USA"), chn = Array.IndexOf(baseline.Codes, "CHN");

        Assert.Multiple(() =>
        {
            Assert.That(baseline.Given.Select(g => (baseline.Codes[g.Participant], g.Choice)), Is.EqualTo(new[] { ("USA", VoteChoice.No), ("CHN", VoteChoice.Absent) }));
            Assert.That(baseline.Fixed[usa], Is.EqualTo((sbyte)VoteChoice.No));
            Assert.That(baseline.Fixed[chn], Is.EqualTo((sbyte)VoteChoice.Absent));
            Assert.That(baseline.Given[0].Lean.Mean, Is.EqualTo(unknown.Mean[usa]), "the weighing uses the lean the member would have had");
            Assert.That(baseline.Given[0].Lean.YesFrom, Is.EqualTo(unknown.YesFrom[usa]));
            Assert.That(unknown.Given, Is.Empty, "given: {} in a variant removes the vote's announcements");
            Assert.That(unknown.IsFixed(usa), Is.False);
            Assert.That(china.Given.Select(g => (china.Codes[g.Participant], g.Choice)), Is.EqualTo(new[] { ("CHN", VoteChoice.Abstain) }));
            Assert.That(china.IsFixed(usa), Is.False);
            Assert.That(baseline.Description.Given, Is.EqualTo(new[] { new AnnouncedVote("CHN", VoteChoice.Absent), new AnnouncedVote("USA", VoteChoice.No) }).AsCollection);
        });
    }

    [Test]
    public void An_announced_no_moves_the_members_who_lean_like_the_announcer_and_a_fixed_no_does_not()
    {
        // On the Jerusalem text the United Kingdom voted yes with most of Europe; an announced no from it is a surprise
        // that says the trial's Western and EU shocks lean towards no.
        string yaml = ScenarioYaml.Conditioned(trials: 12000, seed: 3) + """
                given: { GBR: no }
            variants:
              - name: unknown
                votes: { v: { given: {} } }
              - name: fixed
                votes:
                  v:
                    given: {}
                    members:
                      GBR: { vote: no }
            """;
        var load = ScenarioText.Load(yaml);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        var model = EstimatorSelection.Resolve(load.Model!, CancellationToken.None);
        var result = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2 });
        double PNo(string variant, string code)
        {
            var vote = result.Votes.First(v => v.Variant == variant);
            return vote.Member(vote.Vote.Codes.ToList().IndexOf(code)).PNo;
        }

        const double trials = 12000;
        foreach (string friend in new[] { "FRA", "DEU", "NLD" })
        {
            double given = PNo("baseline", friend), fixedNo = PNo("fixed", friend), unknown = PNo("unknown", friend);
            TestContext.Out.WriteLine($"{friend}: P(no) given {given:0.000}, fixed {fixedNo:0.000}, unknown {unknown:0.000}");
            // Two estimates over the same trials' members but different accepted draws: at most sqrt(2) s.e. apart by chance.
            double se = Math.Sqrt(2 * Math.Max(given * (1 - given), 0.01) / trials);
            Assert.That(given - unknown, Is.GreaterThan(4 * se), $"{friend}: observing the United Kingdom's no raises its P(no)");
            Assert.That(fixedNo, Is.EqualTo(unknown), $"{friend}: fixing the United Kingdom's no changes nothing else (same random numbers)");
        }

        var conditioned = result.Votes.First(v => v.Variant == "baseline");
        TestContext.Out.WriteLine($"acceptance rate {conditioned.GivenAcceptanceRate:0.0000}");
        Assert.That(conditioned.GivenDraws, Is.GreaterThan(conditioned.Trials));
        Assert.That(result.Votes.First(v => v.Variant == "unknown").GivenDraws, Is.Zero);
    }
}
