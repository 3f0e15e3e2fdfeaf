namespace StemSimulator.Tests.Scenarios;

/// <summary>The <c>concerns</c> key: the states whose conduct a vote's text addresses.</summary>
public sealed class ScenarioConcernsTests
{
    private static string WithConcerns(string codes, string body = "GA") =>
        ScenarioText.Minimal.Replace("body: GA", $"body: {body}\n    concerns: {codes}", StringComparison.Ordinal);

    [Test]
    public void Concerned_states_reach_the_vote_model_in_the_order_written()
    {
        var result = ScenarioText.Load(WithConcerns("[SYR, RUS]"));

        Assert.That(result.Succeeded, Is.True, ScenarioText.Messages(result));
        Assert.That(result.Model!.Variants[0].Votes[0].ConcernedStates, Is.EqualTo(new[] { "SYR", "RUS" }));
        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void A_vote_without_concerns_concerns_nobody()
    {
        var result = ScenarioText.Load(ScenarioText.Minimal);

        Assert.That(result.Model!.Variants[0].Votes[0].ConcernedStates, Is.Empty);
    }

    [Test]
    public void A_variant_replaces_the_concerned_states_and_an_empty_list_clears_them()
    {
        string yaml = WithConcerns("[RUS]") + """

            variants:
              - name: about-syria
                votes:
                  v: { concerns: [SYR] }
              - name: about-nobody
                votes:
                  v: { concerns: [] }
            """;

        var result = ScenarioText.Load(yaml);

        Assert.That(result.Succeeded, Is.True, ScenarioText.Messages(result));
        var variants = result.Model!.Variants;
        Assert.That(variants[0].Votes[0].ConcernedStates, Is.EqualTo(new[] { "RUS" }));
        Assert.That(variants[1].Votes[0].ConcernedStates, Is.EqualTo(new[] { "SYR" }));
        Assert.That(variants[2].Votes[0].ConcernedStates, Is.Empty);
    }

    [Test]
    public void An_unknown_code_is_an_error_naming_it_and_the_nearest_codes()
    {
        var result = ScenarioText.Load(WithConcerns("[RSU]"));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:7:16: error: unknown state 'RSU' in 'concerns'; did you mean").And.Contain("'RUS'"));
    }

    [Test]
    public void An_observer_concerned_by_an_assembly_text_is_a_warning_and_the_scenario_still_runs()
    {
        var result = ScenarioText.Load(WithConcerns("[PSE]"));

        Assert.That(result.Succeeded, Is.True, ScenarioText.Messages(result));
        Assert.That(result.Warnings.Select(w => w.ToString()), Is.EqualTo(new[]
        {
            "test.yaml:7:16: warning: PSE (State of Palestine) does not vote in the General Assembly on 2026-03-01; it does not vote, but its partners' votes still shift",
        }));
        Assert.That(result.Model!.Variants[0].Votes[0].ConcernedStates, Is.EqualTo(new[] { "PSE" }));
    }

    [Test]
    public void A_state_without_a_council_seat_concerned_by_a_council_draft_is_a_warning()
    {
        var result = ScenarioText.Load(WithConcerns("[SYR, RUS]", "SC"));

        Assert.That(result.Succeeded, Is.True, ScenarioText.Messages(result));
        Assert.That(result.Warnings, Has.Count.EqualTo(1));
        Assert.That(result.Warnings[0].ToString(), Does.StartWith("test.yaml:7:16: warning: SYR (").And.Contain("has no seat in the Council on 2026-03-01"));
    }
}
