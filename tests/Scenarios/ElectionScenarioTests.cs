using StemSimulator.Engine.Elections;

namespace StemSimulator.Tests.Scenarios;

/// <summary>The scenario language's elections: what compiles and what is reported, with file, line and column.</summary>
public sealed class ElectionScenarioTests
{
    private const string Election = """
        scenario: test
        as_of: 2026-03-01
        trials: 100
        elections:
          - id: hrc
            body: hrc
            date: 2026-10-13
            seat_groups:
              - region: weog
                seats: 2
                candidates: [NLD, ITA, PRT]
        """;

    [Test]
    public void A_scenario_of_elections_only_compiles_with_the_defaults()
    {
        var result = ScenarioText.Load(Election);

        Assert.That(result.Succeeded, Is.True, ScenarioText.Messages(result));
        var election = result.Model!.Variants[0].Elections.Single();
        Assert.That(result.Model.VoteCount, Is.Zero);
        Assert.That(election.Body, Is.EqualTo(ElectionBody.HumanRightsCouncil));
        Assert.That(election.Majority, Is.EqualTo(ElectionMajority.AbsoluteMajorityOfMembers));
        Assert.That(election.Membership, Is.EqualTo(193));
        Assert.That(election.Candidates.Select(c => c.Code), Is.EqualTo(new[] { "NLD", "ITA", "PRT" }));
        Assert.That(election.SeatGroups.Single().Seats, Is.EqualTo(2));
        Assert.That(election.MaxRounds, Is.EqualTo(200));
        Assert.That(election.Weights, Is.EqualTo(AffinityWeights.Default));
    }

    [Test]
    public void A_scenario_with_neither_votes_nor_elections_is_refused()
    {
        var result = ScenarioText.Load("scenario: test\nas_of: 2026-03-01\n");

        Assert.That(ScenarioText.Messages(result), Does.Contain("at least one vote or election"));
    }

    [Test]
    public void Unknown_candidate_code_is_reported_where_it_is_written_with_a_suggestion()
    {
        var result = ScenarioText.Load(Election.Replace("[NLD, ITA, PRT]", "[NDL, ITA, PRT]", StringComparison.Ordinal));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:11:22: error: unknown member 'NDL'").And.Contain("did you mean").And.Contain("'NLD'"));
    }

    [Test]
    public void A_candidate_from_another_region_is_reported_with_its_own_group()
    {
        var result = ScenarioText.Load(Election.Replace("[NLD, ITA, PRT]", "[NLD, ITA, BRA]", StringComparison.Ordinal));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:11:32: error: BRA (Brazil) belongs to the GRULAC group, not WEOG"));
    }

    [Test]
    public void More_seats_than_candidates_is_reported()
    {
        var result = ScenarioText.Load(Election.Replace("seats: 2", "seats: 4", StringComparison.Ordinal));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:11:21: error: 4 seats but 3 candidate(s)"));
    }

    [Test]
    public void Seats_beyond_the_bodys_share_for_the_region_are_reported()
    {
        var result = ScenarioText.Load(Election.Replace("body: hrc", "body: sc", StringComparison.Ordinal).Replace("seats: 2", "seats: 3", StringComparison.Ordinal));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:10:16: error: the Security Council has 2 seat(s) for WEOG"));
    }

    [Test]
    public void A_sitting_council_member_cannot_be_re_elected_at_once()
    {
        // Denmark and Greece sit on the Council in 2026 (the reference data knows the year).
        var yaml = Election.Replace("body: hrc", "body: sc", StringComparison.Ordinal).Replace("[NLD, ITA, PRT]", "[NLD, DNK, PRT]", StringComparison.Ordinal);

        var result = ScenarioText.Load(yaml);

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:11:27: error: DNK (Denmark) sits on the Council in 2026; a retiring member is not eligible for immediate re-election"));
    }

    [Test]
    public void A_permanent_member_is_not_a_council_candidate()
    {
        var yaml = Election.Replace("body: hrc", "body: sc", StringComparison.Ordinal).Replace("[NLD, ITA, PRT]", "[NLD, FRA, PRT]", StringComparison.Ordinal);

        Assert.That(ScenarioText.Messages(ScenarioText.Load(yaml)), Does.Contain("FRA is a permanent member of the Security Council and is not elected"));
    }

    [Test]
    public void A_member_ending_its_second_consecutive_human_rights_council_term_may_not_stand()
    {
        var result = ScenarioText.Load(Election + "\n    sitting_members: { NLD: 2, FRA: 1 }\n");

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:11:22: error: NLD (Netherlands").And.Contain("ends its second consecutive term"));
    }

    [Test]
    public void Checks_of_the_other_election_keys_are_reported_together()
    {
        const string yaml = """
            scenario: test
            as_of: 2026-03-01
            votes:
              - id: dup
                body: GA
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            elections:
              - id: dup
                body: sc
                date: 2026-01-01
                seat_groups:
                  - { region: weog, seats: 1, candidates: [AUT, DEU] }
                  - { region: weog, seats: 1, candidates: [PRT] }
                campaign: { AUS: 0.2 }
                pledges: { DEU: [XXX] }
                shocks: { candidate_sd: 9, blocs: { EUU: 0.2 } }
                withdrawal: { after_rounds: 0, probability: 1.5, who: all }
                max_rounds: 0
                absence: 2
            variants:
              - name: v
                elections: { nope: { campaign: { AUT: 1 } } }
            """;

        var messages = ScenarioText.Messages(ScenarioText.Load(yaml));

        Assert.That(messages, Does.Contain("test.yaml:9:9: error: 'dup' is already a vote's id"));
        Assert.That(messages, Does.Contain("test.yaml:11:11: error: the election's date 2026-01-01 is before as_of 2026-03-01"));
        Assert.That(messages, Does.Contain("test.yaml:14:19: error: a second seat group for WEOG"));
        Assert.That(messages, Does.Contain("test.yaml:15:17: error: 'AUS' is not a candidate in this election; did you mean 'AUT'?"));
        Assert.That(messages, Does.Contain("test.yaml:16:22: error: unknown member 'XXX'"));
        Assert.That(messages, Does.Contain("test.yaml:17:29: error: a shock's standard deviation must be between 0 and 5, not 9"));
        Assert.That(messages, Does.Contain("test.yaml:17:41: error: unknown bloc 'EUU'; did you mean 'EU'?"));
        Assert.That(messages, Does.Contain("test.yaml:18:33: error: after_rounds must be between 1 and 10,000, not 0"));
        Assert.That(messages, Does.Contain("test.yaml:18:49: error: probability must be between 0 and 1, not 1.5"));
        Assert.That(messages, Does.Contain("test.yaml:18:59: error: 'who: all' withdraws every declared candidate in favour of compromise candidates"));
        Assert.That(messages, Does.Contain("test.yaml:19:17: error: max_rounds must be between 1 and 10,000, not 0"));
        Assert.That(messages, Does.Contain("test.yaml:20:14: error: absence is a probability between 0 and 1, not 2"));
        Assert.That(messages, Does.Contain("test.yaml:23:18: error: unknown election 'nope'"));
    }

    [Test]
    public void Variants_change_campaigns_and_withdrawal_but_keep_the_elections()
    {
        var yaml = Election + """

                campaign: { NLD: 0.2 }
                withdrawal: { after_rounds: 5, probability: 0.1 }
                vote_trading: [[NLD, CRI]]
            variants:
              - name: push
                elections: { hrc: { campaign: { NLD: 0.9 }, withdrawal: { after_rounds: 3, probability: 0.5, who: any } } }
            """;

        var result = ScenarioText.Load(yaml);

        Assert.That(result.Succeeded, Is.True, ScenarioText.Messages(result));
        var baseline = result.Model!.Variants[0].Elections[0];
        var push = result.Model.Variants[1].Elections[0];
        Assert.That(baseline.Candidates[0].Campaign, Is.EqualTo(0.2));
        Assert.That(push.Candidates[0].Campaign, Is.EqualTo(0.9));
        Assert.That(baseline.Withdrawal, Is.EqualTo(new WithdrawalModel(5, 0.1, WithdrawalMode.Trailing)));
        Assert.That(push.Withdrawal, Is.EqualTo(new WithdrawalModel(3, 0.5, WithdrawalMode.Any)));
        int cri = baseline.Voters.Select(v => v.Code).ToList().IndexOf("CRI");
        Assert.That(baseline.Reciprocal, Is.EqualTo(new[] { (cri, 0) }), "CRI is not a candidate, so only its vote for NLD gets the bonus");
        Assert.That(push.Stream, Is.EqualTo(baseline.Stream), "variants share their random numbers");
    }
}
