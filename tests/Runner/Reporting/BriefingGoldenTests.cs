using StemSimulator.Runner.Reporting;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Reporting;

/// <summary>The briefing's words and layout, from fixed tables: a golden Markdown file, and the HTML's structure.</summary>
public sealed class BriefingGoldenTests
{
    [Test]
    public void Golden_markdown_briefing_of_fixed_tables()
    {
        var briefing = new BriefingBuilder(BriefingFixture.Run(), BriefingFixture.Context()).Build();
        var (markdown, images) = MarkdownBriefingWriter.Render(briefing, "briefing");
        Golden.AssertMatches("report-briefing.md", markdown);
        Assert.That(images.Select(i => i.FileName), Is.EquivalentTo(new[]
        {
            "briefing-outcome-ga-text.png", "briefing-variants-ga-text.png",
            "briefing-swing-ga-text.png", "briefing-swing-sc-draft.png", "briefing-veto-sc-draft.png", "briefing-chain.png", "briefing-election-hrc-2026.png", "briefing-power.png",
        }));
        foreach (var (name, png) in images)
        {
            var (width, height) = PngImage.Dimensions(png);
            Assert.That(width, Is.EqualTo(900), name);
            Assert.That(height, Is.InRange(260, 1400), name);
        }
    }

    [Test]
    public void Headlines_state_ranges_in_plain_language()
    {
        var briefing = new BriefingBuilder(BriefingFixture.Run(), BriefingFixture.Context()).Build();
        Assert.That(briefing.Headlines[0], Is.EqualTo(
            "**ga-text: A resolution on territorial integrity** (General Assembly, two-thirds majority, 2026-03-20): adoption likely: 73%† (between 68% and 77% depending on how far the text is from its analog‡); 54-108 in favour, 12-50 against (90% range)."));
        Assert.That(briefing.Headlines[1], Does.Contain("adoption very unlikely: 1%†; vetoed in about 98% of runs (the United States 98.2%, the United Kingdom 12.1%, France 4.9%)"));
        Assert.That(briefing.Headlines[1], Does.Not.Contain("‡"), "a spread set by hand gets no band");
        Assert.That(briefing.Notes[1], Does.StartWith("‡ The band reruns the vote with the analog's spread").And.Contain("ga-text: 77.1% with the population's shifts 0.8 times as spread (shift sd 1.6; first 20,000 trials), 68.3% at 1.25 times (shift sd 2.5; first 20,000 trials)"));
        Assert.That(briefing.Notes[0], Does.StartWith("† Each percentage is a share of 100,000 simulated runs; its Monte Carlo error (95%) is ga-text ± 0.27 points"));
        Assert.That(briefing.Headlines[2], Does.Contain("held in about 33% of runs; adopted in about 25% of the runs in which sc-draft is vetoed; overall adoption unlikely: 25%†"));
    }

    [Test]
    public void The_analog_is_named_as_an_assumption_and_variants_that_change_it_are_shown()
    {
        var briefing = new BriefingBuilder(BriefingFixture.Run(), BriefingFixture.Context()).Build();
        var uncertainty = briefing.Sections.Single(s => s.Heading == "Sources of uncertainty");
        var table = uncertainty.Blocks.OfType<BriefingTable>().Single();
        Assert.That(table.Headers[3], Is.EqualTo("choice of analog vote (an assumption)"));
        Assert.That(table.Rows[0][3], Is.EqualTo("like A/RES/68/262, shifted +0.2; drawn with shift measured for a same_subject analog: the text is drawn in each run as any of 2 texts on this subject (a state concerned in common) from 2011-2013 (the analog's session and the 2 before), each anchored on its recorded yes count; P(adopted) 68.3%-77.1% over the population's shifts 0.8-1.25 times as spread as in the run"));
        Assert.That(table.Rows[1][3], Is.EqualTo("like A/RES/ES-10/19; drawn with spread 0.18, set by hand"));
        string sources = uncertainty.Blocks.OfType<Paragraph>().First().Text;
        Assert.That(sources, Does.Contain("draws the text in each run as any of the recorded texts of that kind around the analog").And.Contain("draws a shift of every member's support with the analog's spread"));
        Assert.That(sources, Does.Not.Contain("does not vary at all"), "every vote here has an analog, so the run does vary the distance");
        string sensitivity = uncertainty.Blocks.OfType<Paragraph>().Last().Text;
        Assert.That(sensitivity, Does.Contain("**other-analog** (ga-text: like A/RES/ES-11/1) moves ga-text by -21.9 points (± 0.1)"));
        Assert.That(sensitivity, Does.Contain("**outreach** (outreach to ZAF, NGA, EGY (effect +0.3)) moves ga-text by +6.0 points (± 0.08)"));
    }

    [Test]
    public void Html_is_self_contained_and_escapes_text()
    {
        var run = BriefingFixture.Run() with { Folder = "runs/<script>alert(1)</script>" };
        string html = HtmlBriefingWriter.Render(new BriefingBuilder(run, BriefingFixture.Context()).Build());
        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Not.Contain("<script"), "no scripts, and text from files is escaped");
        Assert.That(html, Does.Not.Contain("src=\"http"), "nothing is fetched");
        Assert.That(html, Does.Contain("&lt;script&gt;"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "src=\"data:image/png;base64,"), Has.Count.EqualTo(8));
        Assert.That(html, Does.Contain("<ul class=\"headlines\" id=\"headlines\">"));
    }

    [Test]
    public void Without_the_scenario_file_the_briefing_says_so()
    {
        var briefing = new BriefingBuilder(BriefingFixture.Run(), ScenarioContext.Unavailable("the scenario file x.yaml was not found (give it with --scenario)")).Build();
        var uncertainty = briefing.Sections.Single(s => s.Heading == "Sources of uncertainty");
        Assert.That(uncertainty.Blocks.OfType<BriefingTable>().Single().Rows[0][3], Does.StartWith("not described: the scenario file x.yaml was not found"));
    }

    [TestCase(0.004, "remote")]
    [TestCase(0.06, "very unlikely")]
    [TestCase(0.25, "unlikely")]
    [TestCase(0.40, "less likely than not")]
    [TestCase(0.48, "about even odds")]
    [TestCase(0.55, "about even odds")]
    [TestCase(0.60, "more likely than not")]
    [TestCase(0.73, "likely")]
    [TestCase(0.95, "very likely")]
    [TestCase(0.996, "almost certain")]
    public void Odds_words_follow_the_documented_bands(double p, string expected) =>
        Assert.That(Wording.Odds(p), Is.EqualTo(expected));

    [Test]
    public void A_vote_never_held_and_a_single_trial_have_no_counts_and_no_interval()
    {
        var run = BriefingFixture.Run();
        var summary = run.Summary.Select(r => r.VoteId == "ga-follow-up"
            ? r with { PHeld = 0, PAdopted = 0, PAdoptedGivenHeld = null, PAdoptedGivenTrigger = null, YesP05 = null, YesP50 = null, YesP95 = null, NoP05 = null, NoP50 = null, NoP95 = null, AbstainP05 = null, AbstainP95 = null }
            : r with { Trials = 1, PAdoptedSe = double.NaN, PAdoptedLo95 = double.NaN, PAdoptedHi95 = double.NaN }).ToList();
        var briefing = new BriefingBuilder(run with { Summary = summary, Statistics = null }, BriefingFixture.Context()).Build();
        Assert.That(briefing.Headlines[2], Does.EndWith("never held in the 100,000 runs (it is held only if sc-draft is vetoed)."));
        Assert.That(briefing.Headlines[2], Does.Not.Contain("did not happen"));
        var table = briefing.Sections.Single(s => s.Heading == "Outcome").Blocks.OfType<BriefingTable>().Single();
        var followUp = table.Rows.Single(r => r[0] == "ga-follow-up");
        Assert.That(followUp.Skip(5).Take(3), Is.EqualTo(new[] { "-", "-", "-" }), "no counts for a vote never held");
        var single = table.Rows.First(r => r[0] == "ga-text");
        Assert.That(single[4], Is.EqualTo("- (one run)"));
        Assert.That(string.Join(" ", briefing.Sections.SelectMany(s => s.Blocks).OfType<BriefingTable>().SelectMany(t => t.Rows).SelectMany(r => r)), Does.Not.Contain("100.0-100.0%"));
    }

    [Test]
    public void Members_within_noise_of_the_top_swing_are_named_as_unranked()
    {
        var run = BriefingFixture.Run();

        // 100,000 held trials: a swing of 0.041 has a standard error of about 0.0006, so 0.0410 and 0.0412 are within noise, 0.0388 is not.
        var members = run.Members.Select(m => m.Member == "BRA" ? m with { Swing = 0.0410 } : m).ToList();
        var deciders = new BriefingBuilder(run with { Members = members }, BriefingFixture.Context()).Build().Sections.Single(s => s.Heading == "Who decides it");
        string caption = deciders.Blocks.OfType<Chart>().First().Caption;
        Assert.That(caption, Does.Contain("The run cannot rank IND above BRA: their swings differ by less than twice the Monte Carlo error of the difference, so another seed or trial count may list them in another order."));
        string apart = new BriefingBuilder(run, BriefingFixture.Context()).Build().Sections.Single(s => s.Heading == "Who decides it").Blocks.OfType<Chart>().First().Caption;
        Assert.That(apart, Does.Not.Contain("cannot rank"));
    }

    [TestCase(0.7302, 0.7357, "73-74%")]
    [TestCase(0.7301, 0.7309, "73-74%")]
    [TestCase(0.73, 0.7399, "73-74%")]
    [TestCase(0.0, 0.0004, "under 1%")]
    [TestCase(0.9991, 1.0, "over 99%")]
    [TestCase(0.25, 0.25, "25%")]
    public void Percent_ranges_round_outwards(double lower, double upper, string expected) =>
        Assert.That(Wording.PercentRange(lower, upper), Is.EqualTo(expected));
}
