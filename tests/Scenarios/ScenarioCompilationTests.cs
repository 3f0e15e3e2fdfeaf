using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

public sealed class ScenarioCompilationTests
{
    private static IEnumerable<string> ShippedScenarios() =>
        Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(RepositoryPaths.Scenarios, p));

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Every_shipped_scenario_loads_without_errors(string relativePath)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, relativePath));

        Assert.That(result.Diagnostics, Is.Empty, ScenarioText.Messages(result));
        Assert.That(result.Model, Is.Not.Null);
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Every_shipped_scenario_names_the_schema_on_its_first_line(string relativePath)
    {
        string first = File.ReadLines(Path.Combine(RepositoryPaths.Scenarios, relativePath)).First();

        Assert.That(first, Does.StartWith("# yaml-language-server: $schema="));
    }

    [Test]
    public void General_assembly_in_2026_has_193_voting_members_and_no_observers()
    {
        var vote = ScenarioText.Load(ScenarioText.Minimal).Model!.Variants[0].Votes[0];

        Assert.That(vote.Count, Is.EqualTo(193));
        Assert.That(vote.Codes, Does.Not.Contain("VAT").And.Not.Contain("PSE"));
        Assert.That(vote.Codes, Does.Contain("SSD").And.Contain("NLD"));
    }

    [Test]
    public void General_assembly_before_South_Sudan_joined_has_192_members()
    {
        var vote = ScenarioText.Load(ScenarioText.Minimal.Replace("2026-03-01", "2011-07-01", StringComparison.Ordinal)).Model!.Variants[0].Votes[0];

        Assert.That(vote.Count, Is.EqualTo(192));
        Assert.That(vote.Codes, Does.Not.Contain("SSD"));
    }

    [Test]
    public void Security_council_in_2026_is_the_p5_and_the_ten_elected_members()
    {
        var yaml = ScenarioText.Minimal.Replace("body: GA", "body: SC", StringComparison.Ordinal);

        var vote = ScenarioText.Load(yaml).Model!.Variants[0].Votes[0];

        Assert.That(vote.Codes.Order(), Is.EqualTo(new[] { "BHR", "CHN", "COD", "COL", "DNK", "FRA", "GBR", "GRC", "LBR", "LVA", "PAK", "PAN", "RUS", "SOM", "USA" }));
        Assert.That(vote.Estimator, Is.EqualTo(OutcomeEstimator.ExactConditional));
    }

    [Test]
    public void Article_19_members_are_absent_and_chapter_vi_parties_abstain()
    {
        const string yaml = """
            scenario: test
            as_of: 2026-03-01
            article_19: [AFG, VEN]
            members:
              VEN: { vote: yes }
            votes:
              - id: ga
                body: GA
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
              - id: sc
                body: SC
                chapter: VI
                parties_to_dispute: [PAK]
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """;

        var model = ScenarioText.Load(yaml).Model!;
        var ga = model.Variants[0].Votes[0];
        var sc = model.Variants[0].Votes[1];

        var stats = StemSimulator.Engine.Simulation.MonteCarloSimulator.Run(StemSimulator.Engine.Simulation.EstimatorSelection.Resolve(model), new() { Threads = 1 }).Votes;
        Assert.That(stats[0].Member(Array.IndexOf(ga.Codes, "AFG")).PAbsent, Is.EqualTo(1));
        Assert.That(stats[0].Member(Array.IndexOf(ga.Codes, "VEN")).PAbsent, Is.EqualTo(1), "Art. 19 overrides a scenario's fixed vote");
        Assert.That(stats[1].Member(Array.IndexOf(sc.Codes, "PAK")).PAbstain, Is.EqualTo(1));
    }

    [Test]
    public void Variants_layer_on_the_baseline()
    {
        const string yaml = """
            scenario: test
            as_of: 2026-03-01
            members:
              USA: { vote: no }
            votes:
              - id: ga
                body: GA
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            variants:
              - name: us-abstains
                members: { USA: { vote: abstain } }
              - name: two-thirds
                votes: { ga: { majority: two_thirds } }
            """;

        var model = ScenarioText.Load(yaml).Model!;
        var stats = StemSimulator.Engine.Simulation.MonteCarloSimulator.Run(StemSimulator.Engine.Simulation.EstimatorSelection.Resolve(model), new() { Threads = 1 }).Votes;
        int usa = Array.IndexOf(model.Variants[0].Votes[0].Codes, "USA");

        Assert.That(model.Variants.Select(v => v.Name), Is.EqualTo(new[] { "baseline", "us-abstains", "two-thirds" }));
        Assert.That(stats[0].Member(usa).PNo, Is.EqualTo(1));
        Assert.That(stats[1].Member(usa).PAbstain, Is.EqualTo(1));
        Assert.That(model.Variants[2].Votes[0].Majority, Is.EqualTo(MajorityRule.TwoThirds));
        Assert.That(model.Variants[0].Votes[0].Majority, Is.EqualTo(MajorityRule.Simple));
    }

    [Test]
    public void Bloc_shocks_reach_the_blocs_members_on_the_vote_date()
    {
        // Egypt joined BRICS on 1 January 2024: a BRICS shock reaches it in 2026 but not in 2023.
        string Yaml(string date) => $$"""
            scenario: test
            as_of: {{date}}
            shocks: { blocs: { BRICS: 0.5 } }
            votes:
              - id: ga
                body: GA
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """;

        foreach (var (date, shocked) in new[] { ("2023-06-30", false), ("2026-03-01", true) })
        {
            var model = ScenarioText.Load(Yaml(date)).Model!;

            Assert.That(model.Variants[0].Votes[0].Shocks.BlocNames, Is.EqualTo(new[] { "BRICS" }));
            Assert.That(HasBlocShock(model.Variants[0].Votes[0], "EGY"), Is.EqualTo(shocked), date);
            Assert.That(HasBlocShock(model.Variants[0].Votes[0], "BRA"), Is.True, date);
            Assert.That(HasBlocShock(model.Variants[0].Votes[0], "NLD"), Is.False, date);
        }
    }

    private static bool HasBlocShock(VoteModel vote, string code)
    {
        int i = Array.IndexOf(vote.Codes, code);
        return vote.BlocOffsets[i + 1] > vote.BlocOffsets[i];
    }
}
