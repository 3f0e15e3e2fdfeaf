namespace StemSimulator.Tests.Scenarios;

/// <summary>The scenario language's chains: 'after', 'backlash' and 'emergency_session_open'.</summary>
public sealed class ScenarioChainTests
{
    private const string Draft = """
        scenario: chain
        as_of: 2026-03-01
        votes:
          - id: sc
            body: SC
            discrimination: -1.0
            cutpoints: [-2.0, -1.0]
        """;

    [Test]
    public void A_follow_up_compiles_into_a_condition_and_shifted_support()
    {
        var result = ScenarioText.Load(Draft + """

              - id: ga
                body: GA
                after: { vote: sc, if: vetoed, tabled: 0.7 }
                backlash: { global: 0.25, blocs: { EU: 1.0 } }
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
              - id: ga2
                body: GA
                after: [{ vote: ga, if: adopted }, { vote: sc, if: failed }]
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """);

        Assert.That(result.Diagnostics, Is.Empty, ScenarioText.Messages(result));
        var votes = result.Model!.Variants[0].Votes;
        var condition = votes[1].Conditions.Single();
        Assert.That((condition.VoteIndex, condition.Outcome, condition.TablingProbability, condition.Label), Is.EqualTo((0, StemSimulator.Engine.Model.ConditionOutcome.Vetoed, 0.7, "sc:vetoed")));
        Assert.That(votes[2].Conditions.Select(c => c.Label), Is.EqualTo(new[] { "ga:adopted", "sc:failed" }));
        Assert.That(votes[0].DebatesVeto, Is.True);

        // The same vote without backlash: the shift is exactly global + the EU's for an EU member, global for others.
        var plain = ScenarioText.Load(Draft + """

              - id: ga
                body: GA
                after: { vote: sc, if: vetoed, tabled: 0.7 }
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """).Model!.Variants[0].Votes[1];
        int nld = Array.IndexOf(votes[1].Codes, "NLD");
        int bra = Array.IndexOf(votes[1].Codes, "BRA");
        Assert.That(votes[1].Mean[nld] - plain.Mean[nld], Is.EqualTo(1.25).Within(1e-12));
        Assert.That(votes[1].Mean[bra] - plain.Mean[bra], Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void Chain_mistakes_are_reported_with_their_places()
    {
        var result = ScenarioText.Load(Draft + """

                emergency_session_open: true
              - id: ga
                body: GA
                after: [{ vote: sx, if: vetoed }, { vote: later, if: adopted }, { vote: sc, if: vetoed, tabled: 1.5 }]
                backlash: { blocs: { NAMM: 0.1 } }
                emergency_session_open: true
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
              - id: later
                body: GA
                backlash: { global: 0.1 }
                after: { vote: ga, if: vetoed }
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """);

        var messages = ScenarioText.Messages(result);
        Assert.That(messages, Does.Contain("unknown vote 'sx'; did you mean 'sc'?"));
        Assert.That(messages, Does.Contain("vote 'ga' can only wait for a vote listed before it; move 'later' above it"));
        Assert.That(messages, Does.Contain("a tabling probability must be between 0 and 1, not 1.5"));
        Assert.That(messages, Does.Contain("unknown group 'NAMM'; did you mean 'NAM'?"));
        Assert.That(messages, Does.Contain("'emergency_session_open' is for Council drafts"));
        Assert.That(messages, Does.Contain("'ga' cannot be vetoed: only substantive Council decisions can"));
        Assert.That(result.Diagnostics.All(d => d.Location.Line > 1), Is.True, "every message points into the file");
    }

    [Test]
    public void An_open_emergency_special_session_means_no_debate_is_convened()
    {
        var result = ScenarioText.Load(Draft + "\n    emergency_session_open: true\n");

        Assert.That(result.Diagnostics, Is.Empty, ScenarioText.Messages(result));
        Assert.That(result.Model!.Variants[0].Votes[0].DebatesVeto, Is.False);
    }
}
