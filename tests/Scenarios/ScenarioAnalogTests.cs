using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// Votes that take their parameters from a historical roll call (<c>like:</c>), and the calibration year. The analogs
/// are given as same_subject, which is not anchored on the analog's count, so the means are the parameters' alone.
/// </summary>
public sealed class ScenarioAnalogTests
{
    private static ReferenceCatalog Catalog => ReferenceCatalog.Embedded;

    private static string Vote(string parameters, string extra = "") => ScenarioYaml.OneVote(parameters, extra: extra);

    [Test]
    public void Like_takes_the_analogs_discrimination_cutpoints_and_issue_areas()
    {
        var analog = Catalog.RollCalls.Find("A/RES/76/228", out _)!;
        var vote = ScenarioText.Load(Vote("like: { vote: A/RES/76/228, kind: same_subject }")).Model!.Variants[0].Votes[0];
        int nld = Array.IndexOf(vote.Codes, "NLD");
        var position = Catalog.Calibration.Find("NLD", Catalog.Calibration.LatestYear)!;

        Assert.That(analog.IssueMask, Is.EqualTo(1 << IssueAreas.IndexOf("human_rights")));
        Assert.That(vote.Mean[nld], Is.EqualTo(analog.Beta * position.PositionFor(analog.IssueMask)).Within(1e-12));
        Assert.That(vote.NoBelow[nld], Is.EqualTo(analog.Tau1));
        Assert.That(vote.YesFrom[nld], Is.EqualTo(analog.Tau2));
        Assert.That(vote.PositionLoading[nld], Is.EqualTo(analog.Beta * position.ThetaStandardError).Within(1e-12), "a 2021 vote on 2021 positions: no drift");
        Assert.That(vote.Absence[nld], Is.EqualTo(position.AbsenceRate));
    }

    [Test]
    public void Shift_and_issue_adjust_the_analog()
    {
        var analog = Catalog.RollCalls.Find("A/RES/76/228", out _)!;
        var vote = ScenarioText.Load(Vote("like: { vote: A/RES/76/228, kind: same_subject, shift: 0.2, issue: colonialism }")).Model!.Variants[0].Votes[0];
        int nld = Array.IndexOf(vote.Codes, "NLD");
        var position = Catalog.Calibration.Find("NLD", Catalog.Calibration.LatestYear)!;
        int colonialism = 1 << IssueAreas.IndexOf("colonialism");

        Assert.That(vote.Mean[nld], Is.EqualTo((analog.Beta * position.PositionFor(colonialism)) + 0.2).Within(1e-12));
        Assert.That(position.PositionFor(colonialism), Is.EqualTo(position.Theta + position.IssueOffsets[IssueAreas.IndexOf("colonialism")]));
    }

    [Test]
    public void Later_votes_carry_the_drift_since_the_calibration_year()
    {
        var analog = Catalog.RollCalls.Find("A/RES/68/262", out _)!;
        var vote = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: repeat }").Replace("2021-03-01", "2026-03-01", StringComparison.Ordinal)).Model!.Variants[0].Votes[0];
        int nld = Array.IndexOf(vote.Codes, "NLD");
        var position = Catalog.Calibration.Find("NLD", Catalog.Calibration.LatestYear)!;
        int years = 2026 - Catalog.Calibration.LatestYear;
        double step = Catalog.Calibration.PositionStepSd;

        Assert.That(vote.PositionLoading[nld], Is.EqualTo(analog.Beta * Math.Sqrt((position.ThetaStandardError * position.ThetaStandardError) + (years * step * step))).Within(1e-12));
    }

    [Test]
    public void Calibration_year_selects_the_positions_of_that_year()
    {
        var vote = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: same_subject }", "calibration: 2010\n")).Model!.Variants[0].Votes[0];
        int usa = Array.IndexOf(vote.Codes, "USA");
        var analog = Catalog.RollCalls.Find("A/RES/68/262", out _)!;

        Assert.That(vote.Mean[usa], Is.EqualTo(analog.Beta * Catalog.Calibration.Find("USA", 2010)!.PositionFor(analog.IssueMask)).Within(1e-12));
    }

    [Test]
    public void Calibration_year_outside_the_table_is_an_error()
    {
        var result = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: repeat }", "calibration: 1900\n"));

        Assert.That(ScenarioText.Messages(result), Does.Contain($"test.yaml:3:14: error: the embedded calibration covers 1946-{Catalog.Calibration.LatestYear}, not 1900"));
    }

    [Test]
    public void Unknown_analog_is_an_error_with_its_place_and_a_suggestion()
    {
        var result = ScenarioText.Load(Vote("like: A/RES/68/2622"));

        Assert.That(result.Model, Is.Null);
        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:6:11: error: unknown roll call 'A/RES/68/2622'; did you mean 'A/RES/68/262'"));
    }

    [Test]
    public void Unknown_analog_in_the_mapping_form_points_at_its_vote_key()
    {
        var result = ScenarioText.Load(Vote("like: { vote: A/RES/68/2622, shift: 0.1 }"));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:6:19: error: unknown roll call 'A/RES/68/2622'"));
    }

    [Test]
    public void A_symbol_with_only_amendment_votes_asks_for_the_roll_call_id()
    {
        var result = ScenarioText.Load(Vote("like: { vote: A/RES/71/129, kind: repeat }"));

        Assert.That(ScenarioText.Messages(result), Does.Contain("'A/RES/71/129' names 2 recorded votes").And.Contain("give the roll-call id instead"));
    }

    [Test]
    public void A_roll_call_id_works_like_a_symbol()
    {
        var bySymbol = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: repeat }")).Model!.Variants[0].Votes[0];
        var byId = ScenarioText.Load(Vote("like: { vote: '5309', kind: repeat }")).Model!.Variants[0].Votes[0];

        Assert.That(byId.Mean, Is.EqualTo(bySymbol.Mean));
        Assert.That(byId.NoBelow, Is.EqualTo(bySymbol.NoBelow));
    }

    [Test]
    public void Like_and_explicit_parameters_together_are_an_error()
    {
        var result = ScenarioText.Load(Vote("like: A/RES/68/262\n    discrimination: 1.0"));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:6:11: error: vote 'v': give either 'like' (the parameters of a historical roll call) or 'discrimination' and 'cutpoints', not both"));
    }

    [Test]
    public void A_variant_may_change_the_analog()
    {
        string yaml = ScenarioYaml.OneVote("like: { vote: A/RES/68/262, kind: repeat }") + """
            variants:
              - name: other
                votes: { v: { like: { vote: A/RES/76/228, kind: repeat } } }
            """;

        var model = ScenarioText.Load(yaml).Model!;
        var analog = Catalog.RollCalls.Find("A/RES/76/228", out _)!;

        Assert.That(model.Variants[1].Votes[0].NoBelow[0], Is.EqualTo(analog.Tau1));
        Assert.That(model.Variants[0].Votes[0].NoBelow[0], Is.EqualTo(Catalog.RollCalls.Find("A/RES/68/262", out _)!.Tau1));
    }
}
