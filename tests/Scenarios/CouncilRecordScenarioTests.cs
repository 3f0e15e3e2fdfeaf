using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Scenarios;

/// <summary>Council drafts that name <c>concerns</c> take the permanent members' P(veto) from the Council record model.</summary>
public sealed class CouncilRecordScenarioTests
{
    // A draft on Ukraine written like scenarios/replays/ukraine-2014-veto.yaml, on the shipped calibration in 2026.
    private static string UkraineDraft(string extra) => $$"""
        scenario: test
        as_of: 2026-03-01
        trials: 1000
        votes:
          - id: v
            body: SC
            decision: substantive
            like: { vote: A/RES/68/182, spread: 0.8 }
        {{extra}}
        """;

    private static double PNo(string yaml, string code, int variant = 0)
    {
        var result = ScenarioText.Load(yaml);
        Assert.That(result.Succeeded, Is.True, ScenarioText.Messages(result));
        var vote = result.Model!.Variants[variant].Votes[0];
        int i = Array.IndexOf(vote.Codes, code);
        Assert.That(i, Is.GreaterThanOrEqualTo(0), code);
        // P(u < tau1) with u ~ N(mean, 1 + loading^2), before shocks.
        return StandardNormal.Cdf((vote.NoBelow[i] - vote.Mean[i]) / Math.Sqrt(1 + (vote.PositionLoading[i] * vote.PositionLoading[i])));
    }

    [Test]
    public void Russia_on_a_draft_concerning_it_votes_no_as_often_as_the_record_model_vetoes()
    {
        double assembly = PNo(UkraineDraft("    concerns: [RUS]\n    council_model: assembly"), "RUS");
        double record = PNo(UkraineDraft("    concerns: [RUS]"), "RUS");
        TestContext.Out.WriteLine($"Russia P(no): Assembly-position model {assembly:0.000}, record model {record:0.000}");

        // The record: Russia vetoed every draft concerning it put to a vote in 2014-2021 (S/2014/189 on Crimea, ...).
        var ukraine = CouncilRecordLabels.Embedded.Where(l => l.Vetoed && l.Concerns.Contains("RUS") && l.Date.Year is >= 2014 and <= 2021).ToList();
        Assert.That(ukraine, Is.Not.Empty);
        Assert.That(ukraine.All(l => l.Vetoers.Contains("RUS")));

        Assert.That(assembly, Is.LessThan(0.5), "the Assembly-position model puts Russia near the middle");
        Assert.That(record, Is.GreaterThan(0.5));
        Assert.That(record - assembly, Is.GreaterThan(0.2));
        Assert.That(record, Is.EqualTo(CouncilRecordVetoes.Forecast(new DateOnly(2026, 3, 1), ["RUS"]).VetoProbability[2]).Within(1e-9));
    }

    [Test]
    public void Without_concerns_the_permanent_members_keep_the_Assembly_position_model()
    {
        double none = PNo(UkraineDraft(string.Empty), "RUS");
        double assembly = PNo(UkraineDraft("    concerns: [RUS]\n    council_model: assembly"), "RUS");

        Assert.That(none, Is.EqualTo(assembly).Within(1e-12));
    }

    [Test]
    public void A_members_own_probabilities_still_win()
    {
        double pNo = PNo(UkraineDraft("    concerns: [RUS]\n    members:\n      RUS: { p_yes: 0.7, p_abstain: 0.1, p_no: 0.2 }"), "RUS");

        Assert.That(pNo, Is.EqualTo(0.2).Within(1e-9));
    }

    [Test]
    public void Elected_members_keep_the_Assembly_position_model()
    {
        var withRecord = ScenarioText.Load(UkraineDraft("    concerns: [RUS]")).Model!.Variants[0].Votes[0];
        var withAssembly = ScenarioText.Load(UkraineDraft("    concerns: [RUS]\n    council_model: assembly")).Model!.Variants[0].Votes[0];

        var elected = Enumerable.Range(0, withRecord.Count).Where(i => withRecord.Permanent[i] == PermanentMembers.None).ToList();
        Assert.That(elected, Has.Count.EqualTo(10));
        Assert.That(elected.Select(i => withRecord.Mean[i]), Is.EqualTo(elected.Select(i => withAssembly.Mean[i])));
        Assert.That(elected.Select(i => withRecord.NoBelow[i]), Is.EqualTo(elected.Select(i => withAssembly.NoBelow[i])));
    }

    [Test]
    public void Council_model_on_an_Assembly_vote_is_an_error()
    {
        var result = ScenarioText.Load(ScenarioText.Minimal.Replace("body: GA", "body: GA\n    council_model: record", StringComparison.Ordinal));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(ScenarioText.Messages(result), Does.Contain("'council_model' is for Security Council drafts"));
    }

    [Test]
    public void A_variant_may_switch_the_council_model_either_way()
    {
        double record = PNo(UkraineDraft("    concerns: [RUS]"), "RUS");
        double assembly = PNo(UkraineDraft("    concerns: [RUS]\n    council_model: assembly"), "RUS");
        const string toRecord = "variants:\n  - name: what-if\n    votes:\n      v: { council_model: record }";
        const string toAssembly = "variants:\n  - name: what-if\n    votes:\n      v: { council_model: assembly }";

        string baseAssembly = UkraineDraft("    concerns: [RUS]\n    council_model: assembly\n" + toRecord);
        Assert.That(PNo(baseAssembly, "RUS", 0), Is.EqualTo(assembly).Within(1e-12), "the baseline keeps its own model");
        Assert.That(PNo(baseAssembly, "RUS", 1), Is.EqualTo(record).Within(1e-12), "the variant takes the record model");

        string baseRecord = UkraineDraft("    concerns: [RUS]\n" + toAssembly);
        Assert.That(PNo(baseRecord, "RUS", 0), Is.EqualTo(record).Within(1e-12));
        Assert.That(PNo(baseRecord, "RUS", 1), Is.EqualTo(assembly).Within(1e-12));
        Assert.That(record - assembly, Is.GreaterThan(0.2), "the two models differ, so the equalities above say something");
    }

    [Test]
    public void Council_model_in_a_variant_of_an_Assembly_vote_is_an_error()
    {
        var result = ScenarioText.Load(ScenarioText.Minimal + "\nvariants:\n  - name: w\n    votes:\n      v: { council_model: record }\n");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(ScenarioText.Messages(result), Does.Contain("'council_model' is for Council drafts"));
    }
}
