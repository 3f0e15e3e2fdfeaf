using StemSimulator.Runner.Analogs;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Search;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios.Search;

/// <summary>
/// The roll-call search of <c>stemsim analogs</c> on the real embedded calibration: rankings checked against the
/// record (A/RES/68/262 is the Assembly's 2014 resolution "Territorial integrity of Ukraine") and filters checked
/// against the calibration table and the concerned-party labels read directly.
/// </summary>
public sealed class RollCallSearchTests
{
    private static RollCallSearch Search => ReferenceCatalog.Embedded.RollCallSearch;

    [Test]
    public void Territorial_integrity_Ukraine_lists_A_RES_68_262_first()
    {
        var hits = Search.Search(new RollCallQuery("territorial integrity Ukraine"));
        Assert.That(hits[0].RollCall.Symbol, Is.EqualTo("A/RES/68/262"));
        Assert.That(hits[0].RollCall.Date, Is.EqualTo(new DateOnly(2014, 3, 27)));
        Assert.That((hits[0].RollCall.Yes, hits[0].RollCall.No, hits[0].RollCall.Abstain), Is.EqualTo((100, 11, 58)), "the recorded vote: 100 in favour, 11 against, 58 abstentions");
        Assert.That(hits[0].Concerns, Is.EqualTo(new[] { "RUS" }));
        Assert.That(hits.Select(h => h.Score), Is.Ordered.Descending);
    }

    [Test]
    public void A_symbol_finds_its_roll_call_first()
    {
        Assert.That(Search.Search(new RollCallQuery("A/RES/68/262"))[0].RollCall.Id, Is.EqualTo("5309"));
        Assert.That(Search.Search(new RollCallQuery("a/res/76/178"))[0].RollCall.Symbol, Is.EqualTo("A/RES/76/178"));
    }

    [Test]
    public void The_filters_admit_exactly_the_roll_calls_the_table_and_the_labels_say()
    {
        var catalog = ReferenceCatalog.Embedded;
        var expected = catalog.RollCalls.All
            .Where(r => r.Date.Year >= 2015 && RollCallConcerns.Embedded.GetValueOrDefault(r.Id)?.Contains("IRN") == true
                && r.Title.Contains("human right", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Id)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.That(expected, Is.Not.Empty);
        var hits = Search.Search(new RollCallQuery("human rights", Concerns: "IRN", From: 2015), 1000);
        Assert.That(hits.Select(h => h.RollCall.Id).Order(StringComparer.Ordinal), Is.EqualTo(expected));
    }

    [Test]
    public void Filters_alone_list_the_latest_roll_calls_of_an_issue_area_first()
    {
        var hits = Search.Search(new RollCallQuery(string.Empty, Issue: "nuclear_weapons", From: 2020, To: 2021), 1000);
        int nuclear = 1 << IssueAreas.IndexOf("nuclear_weapons");
        var expected = ReferenceCatalog.Embedded.RollCalls.All.Where(r => r.Date.Year is 2020 or 2021 && (r.IssueMask & nuclear) != 0).ToArray();
        Assert.That(hits, Has.Count.EqualTo(expected.Length));
        Assert.That(hits.Select(h => h.RollCall.Date), Is.Ordered.Descending);
    }

    [Test]
    public void An_unknown_analog_is_suggested_by_spelling_and_by_the_vote_s_title()
    {
        var load = ScenarioText.Load("""
            scenario: test
            as_of: 2026-03-02
            trials: 1000
            votes:
              - id: v
                title: Territorial integrity of Ukraine
                body: GA
                like: A/RES/ES-11/1
            """);
        string messages = ScenarioText.Messages(load);
        Assert.That(messages, Does.Contain("unknown roll call 'A/RES/ES-11/1'; did you mean 'A/RES/ES-10/19'?"));
        Assert.That(messages, Does.Contain("roll calls like this vote's title ('Territorial integrity of Ukraine'), by the search of 'stemsim analogs': A/RES/68/262 (2014-03-27, Territorial integrity of Ukraine)"));
    }

    [Test]
    public void Golden_analogs_for_territorial_integrity_of_Ukraine()
    {
        var streams = new TestStreams(160);
        int code = new AnalogsService(streams.Streams).List(new AnalogsRequest("territorial integrity Ukraine", null, null, null, null, "ga", null, 3));
        Assert.That(code, Is.Zero);
        Golden.AssertMatches("analogs-ukraine.txt", streams.Out.Output);
    }

    [TestCase("sc", null, "--body sc: the calibration holds General Assembly roll calls only")]
    [TestCase("ga", "human_rigths", "unknown issue area 'human_rigths'; did you mean 'human_rights'?")]
    public void Bad_options_are_refused_with_exit_code_2(string body, string? issue, string message)
    {
        var streams = new TestStreams();
        Assert.That(new AnalogsService(streams.Streams).List(new AnalogsRequest("x", issue, null, null, null, body, null, 10)), Is.EqualTo(2));
        Assert.That(streams.Error.ToString(), Does.Contain(message));
    }
}
