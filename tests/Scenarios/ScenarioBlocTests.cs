using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// Groups wherever members go: <c>blocs:</c> maps of member settings with <c>except</c>, co-sponsors and outreach by
/// group, expanded at each vote's date from the dated memberships; checked against memberships known from the record
/// (the United Kingdom left the EU on 31 January 2020; Egypt, Ethiopia, Iran and the UAE joined BRICS on 1 January
/// 2024; South Sudan, admitted on 14 July 2011, is the 54th member of the African Group).
/// </summary>
public sealed class ScenarioBlocTests
{
    private static VoteModel[] Votes(string yaml, int variant = 0)
    {
        var load = ScenarioText.Load(yaml);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        return [.. load.Model!.Variants[variant].Votes];
    }

    private static string[] FixedAs(VoteModel vote, VoteChoice choice) =>
        vote.Codes.Where((_, i) => vote.Fixed[i] == (sbyte)choice).Order(StringComparer.Ordinal).ToArray();

    private static double MeanOf(VoteModel vote, string code) => vote.Mean[Array.IndexOf(vote.Codes, code)];

    [Test]
    public void The_EU_entry_covers_the_United_Kingdom_before_Brexit_and_not_after_and_leaves_out_the_exceptions()
    {
        var votes = Votes("""
            scenario: test
            as_of: 2020-01-15
            trials: 1000
            blocs:
              EU: { vote: yes, except: [HUN] }
            votes:
              - { id: before, body: GA, date: 2020-01-30, like: { vote: A/RES/68/262, spread: 0.18 } }
              - { id: after, body: GA, date: 2020-02-03, like: { vote: A/RES/68/262, spread: 0.18 } }
            """);
        string[] eu2020 = ["AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"];
        Assert.That(FixedAs(votes[0], VoteChoice.Yes), Is.EqualTo(eu2020.Append("GBR").Order(StringComparer.Ordinal).ToArray()), "27 members less Hungary on 30 January 2020");
        Assert.That(FixedAs(votes[1], VoteChoice.Yes), Is.EqualTo(eu2020), "26 after the United Kingdom left on 31 January 2020");
    }

    [Test]
    public void BRICS_grows_on_1_January_2024_in_a_scenario_wide_entry()
    {
        var votes = Votes("""
            scenario: test
            as_of: 2023-12-20
            trials: 1000
            blocs:
              brics: { vote: no }
            votes:
              - { id: y2023, body: GA, like: { vote: A/RES/68/262, spread: 0.18 } }
              - { id: y2024, body: GA, date: 2024-01-10, like: { vote: A/RES/68/262, spread: 0.18 } }
            """);
        Assert.That(FixedAs(votes[0], VoteChoice.No), Is.EqualTo(new[] { "BRA", "CHN", "IND", "RUS", "ZAF" }));
        Assert.That(FixedAs(votes[1], VoteChoice.No), Is.EqualTo(new[] { "ARE", "BRA", "CHN", "EGY", "ETH", "IND", "IRN", "RUS", "ZAF" }));
    }

    [Test]
    public void The_African_Group_leans_no_except_Nigeria_and_Ghana_and_the_EU_co_sponsors_in_three_lines()
    {
        const string yaml = """
            scenario: test
            as_of: 2026-03-02
            trials: 1000
            votes:
              - id: v
                body: GA
                like: { vote: A/RES/68/262, spread: 0.18 }
                blocs:
                  African Group: { vote: no, except: [NGA, GHA] }
                cosponsors: { blocs: [EU], effect: 0.5 }
            """;
        var vote = Votes(yaml)[0];
        string[] no = FixedAs(vote, VoteChoice.No);
        Assert.That(no, Has.Length.EqualTo(52), "54 members of the African Group less two");
        Assert.That(no, Does.Contain("KEN").And.Contain("ZAF").And.Not.Contain("NGA").And.Not.Contain("GHA"));
        Assert.That(vote.IsFixed(Array.IndexOf(vote.Codes, "NGA")), Is.False);

        var load = ScenarioText.Load(yaml);
        var expansions = GroupExpansion.Of(load.Document!, MemberGroups.Embedded);
        Assert.That(expansions.Select(e => (e.Where, string.Join("+", e.Groups), e.Members.Count)),
            Is.EqualTo(new[] { ("vote v", "AFRICAN_GROUP", 52), ("vote v", "EU", 27) }));
        Assert.That(expansions[0].ToString(), Does.StartWith("vote v: AFRICAN_GROUP except NGA, GHA on 2026-03-02: vote no for 52 members: AGO BDI BEN"));
    }

    [Test]
    public void The_African_Group_has_53_voting_members_before_South_Sudan_was_admitted()
    {
        var groups = MemberGroups.Embedded;
        Assert.That(groups.VotingMembersOn("AFRICAN_GROUP", new DateOnly(2011, 7, 13)), Has.Count.EqualTo(53));
        Assert.That(groups.VotingMembersOn("AFRICAN_GROUP", new DateOnly(2011, 7, 14)), Has.Count.EqualTo(54).And.Contain("SSD"));
    }

    [Test]
    public void A_member_s_own_entry_wins_over_its_group_s_field_by_field()
    {
        var vote = Votes("""
            scenario: test
            as_of: 2026-03-02
            trials: 1000
            votes:
              - id: v
                body: GA
                like: { vote: A/RES/68/262, spread: 0.18 }
                blocs:
                  WEOG: { vote: yes }
                members:
                  USA: { vote: no }
            """)[0];
        Assert.That(vote.Fixed[Array.IndexOf(vote.Codes, "USA")], Is.EqualTo((sbyte)VoteChoice.No));
        Assert.That(vote.Fixed[Array.IndexOf(vote.Codes, "NLD")], Is.EqualTo((sbyte)VoteChoice.Yes));
    }

    [Test]
    public void Outreach_by_group_shifts_the_members_reached_and_not_the_exceptions()
    {
        const string yaml = """
            scenario: test
            as_of: 2026-03-02
            trials: 1000
            votes:
              - { id: v, body: GA, like: { vote: A/RES/68/262, spread: 0.18 } }
            variants:
              - name: reach
                outreach: { blocs: [AU], except: [ZAF], effect: 0.3 }
              - name: shift
                blocs:
                  grulac: { shift: -0.4, except: [BRA] }
            """;
        var baseline = Votes(yaml)[0];
        var reach = Votes(yaml, 1)[0];
        var shift = Votes(yaml, 2)[0];
        Assert.That(MeanOf(reach, "NGA") - MeanOf(baseline, "NGA"), Is.EqualTo(0.3).Within(1e-12));
        Assert.That(MeanOf(reach, "ZAF"), Is.EqualTo(MeanOf(baseline, "ZAF")));
        Assert.That(MeanOf(reach, "FRA"), Is.EqualTo(MeanOf(baseline, "FRA")));
        Assert.That(MeanOf(shift, "ARG") - MeanOf(baseline, "ARG"), Is.EqualTo(-0.4).Within(1e-12));
        Assert.That(MeanOf(shift, "BRA"), Is.EqualTo(MeanOf(baseline, "BRA")));
    }

    [Test]
    public void A_group_written_as_a_member_or_an_unknown_group_is_an_error_that_lists_the_groups()
    {
        var load = ScenarioText.Load("""
            scenario: test
            as_of: 2026-03-02
            trials: 1000
            votes:
              - id: v
                body: GA
                like: { vote: A/RES/68/262, spread: 0.18 }
                members:
                  AFRICAN_GROUP: { shift: -0.5 }
                blocs:
                  EUROPEAN_UNION: { shift: 0.5 }
            """);
        string messages = ScenarioText.Messages(load);
        Assert.That(messages, Does.Contain("'AFRICAN_GROUP' is a group (AFRICAN_GROUP), not a member: name groups under 'blocs'"));
        Assert.That(messages, Does.Contain("unknown group 'EUROPEAN_UNION'"));
        Assert.That(messages, Does.Contain("(groups: AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG, ARAB_LEAGUE, ASEAN, AU, BRICS"));
    }

    [Test]
    public void An_exception_outside_the_group_is_a_warning()
    {
        var load = ScenarioText.Load("""
            scenario: test
            as_of: 2026-03-02
            trials: 1000
            votes:
              - id: v
                body: GA
                like: { vote: A/RES/68/262, spread: 0.18 }
                cosponsors: { blocs: [EU], except: [NOR], effect: 0.5 }
            """);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        Assert.That(load.Warnings.Select(w => w.ToString()), Has.One.Contains("NOR is not in EU on 2026-03-02; 'except: NOR' changes nothing"));
    }

    [TestCase("AFRICAN_GROUP", "AFRICAN_GROUP")]
    [TestCase("african group", "AFRICAN_GROUP")]
    [TestCase("africa", "AFRICAN_GROUP")]
    [TestCase("African", "AFRICAN_GROUP")]
    [TestCase("asia_pacific", "ASIA_PACIFIC_GROUP")]
    [TestCase("AsiaPacific", "ASIA_PACIFIC_GROUP")]
    [TestCase("eastern-europe", "EASTERN_EUROPEAN_GROUP")]
    [TestCase("LatinAmericanAndCaribbean", "GRULAC")]
    [TestCase("weog", "WEOG")]
    [TestCase("WesternEuropeanAndOthers", "WEOG")]
    [TestCase("arab league", "ARAB_LEAGUE")]
    [TestCase("brics_partners", "BRICS_PARTNERS")]
    [TestCase("EUROPEAN_UNION", null)]
    public void Every_spelling_of_a_group_reads_as_its_canonical_name(string written, string? canonical) =>
        Assert.That(MemberGroups.Embedded.Canonical(written), Is.EqualTo(canonical));

    [Test]
    public void Canonical_names_round_trip_and_match_the_regional_groups_of_the_members_table()
    {
        var groups = MemberGroups.Embedded;
        foreach (var name in groups.Names)
        {
            Assert.That(groups.Canonical(name), Is.EqualTo(name));
            Assert.That(groups.Canonical(name.ToLowerInvariant()), Is.EqualTo(name));
        }

        // The members table's own spelling (African, WesternEuropeanAndOthers) reads as the group the tool writes.
        foreach (var state in ReferenceCatalog.Embedded.States)
        {
            Assert.That(groups.Canonical(state.Group.ToString()), Is.EqualTo(MemberGroups.NameOf(state.Group)));
        }

        Assert.That(groups.Names.Take(5), Is.EqualTo(new[] { "AFRICAN_GROUP", "ASIA_PACIFIC_GROUP", "EASTERN_EUROPEAN_GROUP", "GRULAC", "WEOG" }));
        Assert.That(groups.VotingMembersOn("AFRICAN_GROUP", new DateOnly(2026, 1, 1)), Has.Count.EqualTo(54));
        Assert.That(groups.VotingMembersOn("ASIA_PACIFIC_GROUP", new DateOnly(2026, 1, 1)), Has.Count.EqualTo(54), "55 in members.csv less the State of Palestine, an observer");
        Assert.That(groups.VotingMembersOn("EASTERN_EUROPEAN_GROUP", new DateOnly(2026, 1, 1)), Has.Count.EqualTo(23));
        Assert.That(groups.VotingMembersOn("GRULAC", new DateOnly(2026, 1, 1)), Has.Count.EqualTo(33));
        Assert.That(groups.VotingMembersOn("WEOG", new DateOnly(2026, 1, 1)), Has.Count.EqualTo(29), "28 members and the United States, which sits with it");
    }

    [Test]
    public void Shocks_and_backlash_read_any_spelling_of_a_group()
    {
        var load = ScenarioText.Load("""
            scenario: test
            as_of: 2026-03-02
            trials: 1000
            shocks: { global_sd: 0.1, blocs: { weog: 0.2, eu: 0.1 } }
            votes:
              - { id: v, body: GA, like: { vote: A/RES/68/262, spread: 0.18 } }
            """);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        Assert.That(load.Model!.Variants[0].Votes[0].Shocks.BlocNames, Is.EqualTo(new[] { "WEOG", "EU" }));
    }
}
