using System.IO.Compression;
using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Compilation;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// A same_issue or same_subject analog on an Assembly vote draws the text per trial from the analog's population
/// (<see cref="AnalogPopulation"/>): the population counted from calibration_roll_calls.csv.gz apart from the compiler,
/// one anchor offset per text (each making the expected yes count that text's), the Council's and evidence's fallbacks.
/// </summary>
public sealed class AnalogPopulationTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "src", "Scenarios", "ReferenceData");

    /// <summary>(id, year, kind, issues, yes, present) of every calibration roll call, read from the file itself.</summary>
    private static List<(string Id, int Year, string Kind, string Issues, int Yes, int Present)> Table()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Folder, "calibration_roll_calls.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.That(reader.ReadLine(), Does.StartWith("roll_call,session,year,date,symbol,kind,issues,beta,tau1,tau2,beta_se,tau1_se,tau2_se,yes,abstain,no,absent,title"));
        var rows = new List<(string, int, string, string, int, int)>();
        while (reader.ReadLine() is { } line)
        {
            // The first 17 columns hold no commas (only the title may be quoted).
            var c = line.Split(',', 18);
            int yes = int.Parse(c[13], System.Globalization.CultureInfo.InvariantCulture);
            int present = yes + int.Parse(c[14], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(c[15], System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((c[0], int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture), c[5], c[6], yes, present));
        }

        return rows;
    }

    [Test]
    public void A_same_issue_vote_draws_one_offset_per_text_of_the_analogs_issue_area_in_its_last_sessions()
    {
        // A/RES/76/228 (2021, human rights in Syria, issue area human_rights alone).
        int sessions = AnalogSpreads.PopulationSessions(AnalogKind.SameIssue);
        var table = Table();
        var analog = table.Single(r => r.Id == "undl-3952169");
        var expected = table.Where(r => r.Kind == "resolution" && r.Issues == analog.Issues && r.Year <= analog.Year && r.Year > analog.Year - sessions && r.Present >= 10).ToList();

        var vote = ScenarioText.Load(ScenarioYaml.OneVote("like: { vote: A/RES/76/228, kind: same_issue }")).Model!.Variants[0].Votes[0];

        Assert.That(vote.AnalogShift.IsEmpirical, Is.True);
        Assert.That(vote.AnalogShift.Offsets, Has.Count.EqualTo(expected.Count));
        Assert.That(vote.AnalogShift.NarrowSd, Is.EqualTo(AnalogSpreads.SameIssue.NarrowSd));
        Assert.That(expected.Count, Is.GreaterThan(10), "human-rights texts are many");
        // Each offset makes the leans expect that text's yes count (the analog first).
        var counts = expected.Select(r => r.Yes).Order().ToArray();
        var anchored = vote.AnalogShift.Offsets.Select(d => (int)Math.Round(ExpectedYes(vote, d))).Order().ToArray();
        int reach = (int)Math.Round(ExpectedYes(vote, AnalogAnchor.Bound));
        Assert.That(anchored, Is.EqualTo(counts.Select(c => Math.Min(c, reach)).ToArray()), "a count beyond every member present takes the largest shift searched");
        Assert.That(ExpectedYes(vote, vote.AnalogShift.Offsets[0]), Is.EqualTo(analog.Yes).Within(1e-6));
    }

    [Test]
    public void A_same_subject_population_shares_a_state_concerned_and_the_analog_without_one_is_unanchored()
    {
        // A/RES/ES-10/19 (2017) concerns ISR; A/RES/61/201 (2006) has no state concerned.
        int sessions = AnalogSpreads.PopulationSessions(AnalogKind.SameSubject);
        var concerned = File.ReadAllLines(Path.Combine(Folder, "roll_call_concerns.csv")).Skip(1).Select(l => l.Split(',', 6))
            .Where(c => c[3].Split(';').Contains("ISR")).Select(c => c[0]).ToHashSet(StringComparer.Ordinal);
        int expected = Table().Count(r => r.Kind == "resolution" && concerned.Contains(r.Id) && r.Year <= 2017 && r.Year > 2017 - sessions && r.Present >= 10);

        var israel = ScenarioText.Load(ScenarioYaml.OneVote("like: { vote: A/RES/ES-10/19, kind: same_subject }")).Model!.Variants[0].Votes[0];
        var climate = ScenarioText.Load(ScenarioYaml.OneVote("like: { vote: A/RES/61/201, kind: same_subject }")).Model!.Variants[0].Votes[0];

        Assert.That(israel.AnalogShift.Offsets, Has.Count.EqualTo(expected));
        Assert.That(expected, Is.GreaterThan(10));
        Assert.That(climate.AnalogShift, Is.EqualTo(AnalogSpreads.SameSubjectUnanchored));
    }

    [Test]
    public void A_repeats_population_is_its_resolutions_own_earlier_votes()
    {
        // "Situation of human rights in the Syrian Arab Republic": A/RES/76/228 (2021, 93 yes), A/RES/75/193 (2020, 101),
        // A/RES/74/169 (2019, 106), one a session in the table; A/RES/68/262 (2014, Ukraine) was voted once.
        int sessions = AnalogSpreads.PopulationSessions(AnalogKind.Repeat);
        int[] recorded = [93, 101, 106];
        var syria = ScenarioText.Load(ScenarioYaml.OneVote("like: { vote: A/RES/76/228, kind: repeat }")).Model!.Variants[0].Votes[0];
        var ukraine = ScenarioText.Load(ScenarioYaml.OneVote("like: { vote: A/RES/68/262, kind: repeat }")).Model!.Variants[0].Votes[0];

        Assert.That(sessions, Is.InRange(1, 3), "the recorded counts above cover three sessions");
        Assert.That(syria.AnalogShift.Offsets.Select(d => (int)Math.Round(ExpectedYes(syria, d))), Is.EqualTo(recorded.Take(sessions)));
        Assert.That(ukraine.AnalogShift.Offsets, Has.Count.EqualTo(1));
        Assert.That(ExpectedYes(ukraine, ukraine.AnalogShift.Offsets[0]), Is.EqualTo(100).Within(1e-6));
        Assert.That(syria.AnalogShift.NarrowSd, Is.EqualTo(AnalogSpreads.Repeat.NarrowSd));
    }

    [Test]
    public void A_Council_draft_and_evidence_take_the_unanchored_shift()
    {
        var council = ScenarioText.Load(ScenarioYaml.OneVote("like: { vote: A/RES/76/228, kind: same_issue }", body: "SC")).Model!.Variants[0].Votes[0];

        Assert.That(council.AnalogShift, Is.EqualTo(AnalogSpreads.SameIssueUnanchored));
        Assert.That(AnalogSpreadChoice.Of(new AnalogDocument { Vote = "x", Kind = AnalogKindName.SameIssue }, population: false).Shift, Is.EqualTo(AnalogSpreads.SameIssueUnanchored));
    }

    [Test]
    public void A_spread_set_by_hand_still_draws_a_normal_shift()
    {
        var vote = ScenarioText.Load(ScenarioYaml.OneVote("like: { vote: A/RES/76/228, kind: same_issue, spread: 0.6 }")).Model!.Variants[0].Votes[0];

        Assert.That(vote.AnalogShift, Is.EqualTo(AnalogShiftDistribution.Normal(0.6)));
    }

    [Test]
    public void The_briefing_words_name_the_population()
    {
        var analog = ReferenceCatalog.Embedded.RollCalls.Find("A/RES/76/228", out _)!;
        var choice = AnalogSpreadChoice.Of(new AnalogDocument { Vote = "A/RES/76/228", Kind = AnalogKindName.SameIssue })
            .WithPopulation(ReferenceCatalog.Embedded.RollCalls.All, analog, RollCallConcerns.Embedded);
        int sessions = AnalogSpreads.PopulationSessions(AnalogKind.SameIssue);

        Assert.That(choice.Describe(), Does.StartWith($"shift measured for a same_issue analog: the text is drawn in each run as any of {choice.Population!.Texts.Count} texts of this issue area from {2021 - sessions + 1}-2021"));
    }

    [Test]
    public void The_briefing_words_name_the_jitter_of_a_resolution_voted_once()
    {
        // A/RES/68/262 was voted once: its repeat population is itself, with the one-text jitter; A/RES/76/228 and its
        // previous session's vote are two texts, with none.
        var once = ReferenceCatalog.Embedded.RollCalls.Find("A/RES/68/262", out _)!;
        var twice = ReferenceCatalog.Embedded.RollCalls.Find("A/RES/76/228", out _)!;
        string Words(AnalogRollCall analog) => AnalogSpreadChoice.Of(new AnalogDocument { Vote = analog.Id, Kind = AnalogKindName.Repeat })
            .WithPopulation(ReferenceCatalog.Embedded.RollCalls.All, analog, RollCallConcerns.Embedded).Describe();

        Assert.That(Words(once), Does.EndWith("anchored on its recorded yes count, then shifted with sd 0.1"));
        Assert.That(Words(twice), Does.EndWith("each anchored on its recorded yes count"));
    }

    /// <summary>The yes count the vote's leans expect without shocks with every member's support moved by <paramref name="shift"/>.</summary>
    private static double ExpectedYes(VoteModel vote, double shift) =>
        Enumerable.Range(0, vote.Count).Select(vote.Lean).Sum(l => l.Fixed is { } f
            ? (f == StemSimulator.Engine.Rules.VoteChoice.Yes ? 1.0 : 0.0)
            : (1 - l.AbsenceProbability) * MathNet.Numerics.Distributions.Normal.CDF(0, 1, (l.Mean + shift - l.YesFrom) / Math.Sqrt(1 + (l.PositionLoading * l.PositionLoading))));
}
