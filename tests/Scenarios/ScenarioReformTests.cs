using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Scenarios;

/// <summary>Council drafts voted in reformed Councils ('reform:').</summary>
public sealed class ScenarioReformTests
{
    private static string Draft(string reform) => $$"""
        scenario: reform
        as_of: 2026-03-01
        votes:
          - id: sc
            body: SC
            discrimination: -1.0
            cutpoints: [-2.0, -1.0]
            reform: {{reform}}
        """;

    [Test]
    public void The_g4_model_seats_25_members_with_a_quota_of_14_and_the_charter_veto()
    {
        var result = ScenarioText.Load(Draft("{ model: g4, new_permanent: [BRA, DEU, IND, JPN, NGA, ZAF], new_elected: [KEN, IDN, POL, MEX] }"));

        Assert.That(result.Diagnostics, Is.Empty, ScenarioText.Messages(result));
        var vote = result.Model!.Variants[0].Votes[0];
        Assert.That(vote.Count, Is.EqualTo(25));
        Assert.That(vote.CouncilRule, Is.EqualTo(new CouncilRule(14, 1)));
        Assert.That(vote.Codes, Does.Contain("JPN").And.Contain("MEX").And.Contain("DNK"));
    }

    [Test]
    public void Veto_restraint_removes_the_veto()
    {
        var vote = ScenarioText.Load(Draft("{ model: veto-restraint }")).Model!.Variants[0].Votes[0];

        Assert.That(vote.CouncilRule.HasVeto, Is.False);
        Assert.That(vote.VetoedBy(PermanentMembers.All), Is.EqualTo(PermanentMembers.None));
        Assert.That(vote.Count, Is.EqualTo(15));
    }

    [Test]
    public void Reform_mistakes_are_reported()
    {
        var messages = ScenarioText.Messages(ScenarioText.Load(Draft("{ model: g5, new_permanent: [BRA] }")));
        Assert.That(messages, Does.Contain("unknown Council model 'g5'; did you mean 'g4'?"));

        messages = ScenarioText.Messages(ScenarioText.Load(Draft("{ model: g4, new_permanent: [BRA, DEU, IND, JPN, NGA], new_elected: [KEN, IDN, POL, DNK] }")));
        Assert.That(messages, Does.Contain("the 'g4' model has 6 new permanent seat(s); list 6 member(s), found 5"));
        Assert.That(messages, Does.Contain("DNK would hold two seats in the reformed Council"));

        messages = ScenarioText.Messages(ScenarioText.Load(Draft("{ model: au-ezulwini }")));
        Assert.That(messages, Does.Contain("gives new members a veto"));
    }
}
