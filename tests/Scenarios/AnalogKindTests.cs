using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Compilation;
using StemSimulator.Scenarios.Document;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// <c>like: { vote, kind }</c>: the analog's kind gives the vote its measured spread; a title that matches the analog's
/// makes it a repeat; otherwise the kind must be given; an explicit spread wins.
/// </summary>
public sealed class AnalogKindTests
{
    private static string Vote(string parameters, string title = "") => ScenarioYaml.OneVote(parameters, title: title);

    [Test]
    public void A_given_kind_takes_its_measured_spread()
    {
        // A/RES/68/262 concerns RUS and has no issue areas: as same_subject it is drawn from its population, as same_issue
        // (no issue area to draw a population by) it takes the unanchored shift.
        var vote = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: repeat }")).Model!.Variants[0].Votes[0];
        var subject = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: same_subject }")).Model!.Variants[0].Votes[0];
        var issue = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: same_issue }")).Model!.Variants[0].Votes[0];

        // A repeat draws from its resolution's own votes; A/RES/68/262 was voted once, so it is its population alone,
        // with the one-text jitter (sd 0.1) instead of the larger populations' none.
        Assert.That(vote.AnalogShift.IsEmpirical, Is.True);
        Assert.That(vote.AnalogShift.Offsets, Has.Count.EqualTo(1));
        Assert.That(vote.AnalogShift.NarrowSd, Is.EqualTo(0.1));
        Assert.That(AnalogSpreads.Repeat.NarrowSd, Is.Zero);
        Assert.That(subject.AnalogShift.IsEmpirical, Is.True);
        Assert.That(subject.AnalogShift.NarrowSd, Is.EqualTo(AnalogSpreads.SameSubject.NarrowSd));
        Assert.That(issue.AnalogShift, Is.EqualTo(AnalogSpreads.SameIssueUnanchored));
    }

    [Test]
    public void A_title_that_matches_the_analogs_makes_it_a_repeat()
    {
        // A/RES/76/228 is "Situation of human rights in the Syrian Arab Republic"; case and punctuation do not matter.
        var vote = ScenarioText.Load(Vote("like: A/RES/76/228", title: "SITUATION OF HUMAN RIGHTS IN THE SYRIAN ARAB REPUBLIC.")).Model!.Variants[0].Votes[0];

        // Drawn from the resolution's own votes of its last sessions (A/RES/76/228 and A/RES/75/193, one a session).
        Assert.That(vote.AnalogShift.IsEmpirical, Is.True);
        Assert.That(vote.AnalogShift.Offsets, Has.Count.EqualTo(AnalogSpreads.RepeatSessions));
        // Two texts: no jitter (the one-text sd is for a resolution voted once).
        Assert.That(vote.AnalogShift.NarrowSd, Is.Zero);
    }

    [Test]
    public void Without_a_kind_or_a_matching_title_the_kind_must_be_given()
    {
        var result = ScenarioText.Load(Vote("like: A/RES/76/228", title: "Situation of human rights in Myanmar"));

        Assert.That(result.Model, Is.Null);
        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:7:11: error: vote 'v': say how A/RES/76/228 (2021-12-24: 93-16-52, Situation of human rights in the Syrian Arab Republic) relates to this text with 'kind': repeat (the same resolution's previous vote), same_subject (an earlier, different text on the same situation, agenda item or party concerned) or same_issue (only the issue area in common) (or set 'spread' by hand)"));
    }

    [Test]
    public void An_explicit_spread_wins_over_the_kind()
    {
        var vote = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: same_issue, spread: 0.33 }")).Model!.Variants[0].Votes[0];
        var untitled = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, spread: 0.33 }")).Model!.Variants[0].Votes[0];

        Assert.That(vote.AnalogShift, Is.EqualTo(AnalogShiftDistribution.Normal(0.33)));
        Assert.That(vote.AnalogSd, Is.EqualTo(0.33));
        Assert.That(untitled.AnalogShift, Is.EqualTo(AnalogShiftDistribution.Normal(0.33)), "a spread set by hand needs no kind");
        Assert.That(ExpectedYes(vote), Is.EqualTo(ExpectedYes(ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: repeat, spread: 0.33 }")).Model!.Variants[0].Votes[0])).Within(1e-12),
            "a spread by hand is never anchored, whatever the kind");
    }

    [Test]
    public void An_unknown_kind_names_the_three()
    {
        var result = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: similar }"));

        Assert.That(ScenarioText.Messages(result), Does.Contain("'similar' is not a valid value (one of: repeat, same_subject, same_issue)"));
    }

    [Test]
    public void A_variants_analog_needs_its_kind_too()
    {
        string yaml = ScenarioYaml.OneVote("like: { vote: A/RES/68/262, kind: same_issue }") + """
            variants:
              - name: other
                votes: { v: { like: A/RES/76/228 } }
              - name: fine
                votes: { v: { like: { vote: A/RES/76/228, kind: same_subject } } }
            """;

        var result = ScenarioText.Load(yaml);
        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:9:25: error: vote 'v': say how A/RES/76/228"));

        var fixedYaml = ScenarioText.Load(yaml.Replace("votes: { v: { like: A/RES/76/228 } }", "votes: { v: { like: { vote: A/RES/76/228, spread: 0.1 } } }", StringComparison.Ordinal)).Model!;
        Assert.That(fixedYaml.Variants[0].Votes[0].AnalogShift, Is.EqualTo(AnalogSpreads.SameIssueUnanchored), "A/RES/68/262 has no issue area");
        Assert.That(fixedYaml.Variants[1].Votes[0].AnalogShift, Is.EqualTo(AnalogShiftDistribution.Normal(0.1)));
        Assert.That(fixedYaml.Variants[2].Votes[0].AnalogShift.IsEmpirical, Is.True, "A/RES/76/228 concerns SYR: drawn from its population");
    }

    [Test]
    public void The_briefing_words_say_where_the_spread_came_from()
    {
        Assert.That(AnalogSpreadChoice.Of(new AnalogDocument { Vote = "x", Spread = 0.4, Kind = AnalogKindName.SameIssue }).Describe(), Is.EqualTo("spread 0.4, set by hand"));
        Assert.That(AnalogSpreadChoice.Of(new AnalogDocument { Vote = "x", Kind = AnalogKindName.SameSubject }).Describe(), Does.StartWith("shift measured for a same_subject analog: the text is drawn in each run as any text on the analog's subject from its session and the 2 before, each anchored on its recorded yes count"));
        Assert.That(AnalogSpreadChoice.Of(new AnalogDocument { Vote = "x" }).Describe(), Does.StartWith("shift measured for a repeat analog (inferred: the title matches the analog's): the text is drawn in each run as any vote of the analog's resolution from its session and the one before, each anchored on its recorded yes count"));
        Assert.That(AnalogSpreadChoice.Of(new AnalogDocument { Vote = "x", Kind = AnalogKindName.Repeat }, assembly: false).Describe(), Does.StartWith("shift measured for a repeat analog: sd "), "a Council draft is not anchored");
    }

    [TestCase(AnalogKindName.Repeat, AnalogKind.Repeat)]
    [TestCase(AnalogKindName.SameSubject, AnalogKind.SameSubject)]
    [TestCase(AnalogKindName.SameIssue, AnalogKind.SameIssue)]
    public void Every_scenario_kind_maps_to_the_engines(AnalogKindName name, AnalogKind kind)
    {
        Assert.That(AnalogSpreadChoice.ToKind(name), Is.EqualTo(kind));
        Assert.That(AnalogSpreads.Name(kind), Is.EqualTo(name switch { AnalogKindName.Repeat => "repeat", AnalogKindName.SameSubject => "same_subject", _ => "same_issue" }));
        Assert.That(() => AnalogSpreadChoice.ToKind((AnalogKindName)99), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => AnalogSpreads.For((AnalogKind)99), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_repeat_on_an_Assembly_vote_expects_the_analogs_recorded_yes_count()
    {
        // A/RES/68/262 was adopted 100-11-58 (calibration_roll_calls.csv.gz). Anchored, the members' leans without shocks
        // expect its 100 yes votes; the same analog as a same_issue text is not anchored and expects another count.
        var repeat = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: repeat }")).Model!.Variants[0].Votes[0];
        var other = ScenarioText.Load(Vote("like: { vote: A/RES/68/262, kind: same_issue }")).Model!.Variants[0].Votes[0];

        // The anchor is the offset of its population of one (the text was voted once).
        Assert.That(ExpectedYes(repeat, repeat.AnalogShift.Offsets.Single()), Is.EqualTo(100).Within(1e-6));
        Assert.That(Math.Abs(ExpectedYes(other) - 100), Is.GreaterThan(1), "unanchored, the calibration's parameters on 2021 positions");
    }

    [Test]
    public void A_variants_member_changes_move_the_count_away_from_the_anchor()
    {
        string yaml = ScenarioYaml.OneVote("like: { vote: A/RES/68/262, kind: repeat }") + """
            variants:
              - name: china-shifts
                members: { CHN: { shift: 2.0 } }
            """;

        var model = ScenarioText.Load(yaml).Model!;
        var baseline = model.Variants[0].Votes[0];
        var variant = model.Variants[1].Votes[0];
        int china = Array.IndexOf(variant.Codes, "CHN"), france = Array.IndexOf(variant.Codes, "FRA");

        Assert.That(variant.Lean(france).Mean, Is.EqualTo(baseline.Lean(france).Mean), "the same anchor in every variant");
        Assert.That(variant.Lean(china).Mean, Is.EqualTo(baseline.Lean(china).Mean + 2.0).Within(1e-12));
        Assert.That(ExpectedYes(variant), Is.GreaterThan(ExpectedYes(baseline)));
    }

    [Test]
    public void A_repeat_on_a_Council_draft_takes_the_unanchored_shift()
    {
        string yaml = ScenarioYaml.OneVote("like: { vote: A/RES/68/262, kind: repeat }", body: "SC");

        var vote = ScenarioText.Load(yaml).Model!.Variants[0].Votes[0];

        Assert.That(vote.AnalogShift, Is.EqualTo(AnalogSpreads.RepeatUnanchored));
    }

    /// <summary>The yes count the vote's leans expect without shocks: sum (1 - absent) Phi((mean - yesFrom) / sqrt(1 + loading^2)).</summary>
    private static double ExpectedYes(StemSimulator.Engine.Model.VoteModel vote, double offset = 0) =>
        Enumerable.Range(0, vote.Count).Select(vote.Lean).Sum(l => l.Fixed is { } f
            ? (f == StemSimulator.Engine.Rules.VoteChoice.Yes ? 1.0 : 0.0)
            : (1 - l.AbsenceProbability) * MathNet.Numerics.Distributions.Normal.CDF(0, 1, (l.Mean + offset - l.YesFrom) / Math.Sqrt(1 + (l.PositionLoading * l.PositionLoading))));
}
