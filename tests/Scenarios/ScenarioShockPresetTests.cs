using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Scenarios;

/// <summary><c>shocks: calibrated</c> and shocks on the UN regional groups.</summary>
public sealed class ScenarioShockPresetTests
{
    private static string Scenario(string shocks) => $$"""
        scenario: test
        as_of: 2026-03-01
        shocks: {{shocks}}
        votes:
          - id: v
            body: GA
            like: { vote: A/RES/68/262, kind: repeat }
        """;

    [Test]
    public void Calibrated_takes_the_sizes_of_the_embedded_calibration()
    {
        var model = ReferenceCatalog.Embedded.CalibrationModel;
        var shocks = ScenarioText.Load(Scenario("calibrated")).Model!.Variants[0].Votes[0].Shocks;

        Assert.That(shocks.GlobalSd, Is.EqualTo(model.Number("shock_sd_global")));
        foreach (var (name, sd) in shocks.BlocNames.Zip(shocks.BlocSds))
        {
            Assert.That(sd, Is.EqualTo(model.Number("shock_sd_" + name)), name);
            Assert.That(sd, Is.GreaterThan(0), name);
        }

        Assert.That(shocks.BlocNames, Does.Contain("AFRICAN_GROUP"));
    }

    [Test]
    public void Explicit_sizes_replace_the_calibrated_ones()
    {
        var shocks = ScenarioText.Load(Scenario("{ preset: calibrated, global_sd: 0.4, blocs: { EU: 0.9 } }")).Model!.Variants[0].Votes[0].Shocks;

        Assert.That(shocks.GlobalSd, Is.EqualTo(0.4));
        Assert.That(shocks.BlocSds[shocks.BlocNames.ToList().IndexOf("EU")], Is.EqualTo(0.9));
    }

    [Test]
    public void A_regional_group_shock_reaches_the_groups_members()
    {
        var vote = ScenarioText.Load(Scenario("{ blocs: { GRULAC: 0.5 } }")).Model!.Variants[0].Votes[0];

        Assert.That(vote.Shocks.BlocNames, Is.EqualTo(new[] { "GRULAC" }));
        Assert.That(HasShock(vote, "BRA"), Is.True);
        Assert.That(HasShock(vote, "NLD"), Is.False);
    }

    [Test]
    public void An_unknown_preset_is_an_error_with_a_suggestion()
    {
        var result = ScenarioText.Load(Scenario("calibrate"));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:3:9: error: unknown shock preset 'calibrate'; did you mean 'calibrated'?"));
    }

    private static bool HasShock(StemSimulator.Engine.Model.VoteModel vote, string code)
    {
        int i = Array.IndexOf(vote.Codes, code);
        return vote.BlocOffsets[i + 1] > vote.BlocOffsets[i];
    }
}
