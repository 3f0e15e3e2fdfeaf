using StemSimulator.Engine.Rules;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// <c>given_blocs:</c> on a vote: a group's voting members (minus <c>except</c>) announce a vote together, resolved as
/// <c>blocs:</c> are; a member's own <c>given</c> entry wins; on a Council draft only the group's members sitting on
/// the Council announce; a variant's <c>given_blocs</c> replaces the vote's.
/// </summary>
public sealed class ScenarioGivenBlocsTests
{
    // The 27 members of the European Union in 2026 (Treaty of Accession 2011; the United Kingdom left in 2020), written
    // out by hand as the truth the resolver is checked against.
    private static readonly string[] Eu =
    [
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA",
        "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
    ];

    private static readonly string Yaml = ScenarioYaml.Conditioned(trials: 1000, seed: 3) + """
            given: { FRA: abstain }
            given_blocs:
              eu: { vote: yes, except: [HUN] }
          - id: draft
            body: SC
            like: { vote: A/RES/ES-10/19, spread: 0.18 }
            given_blocs: { EU: no }
        variants:
          - name: none
            votes: { v: { given_blocs: {} } }
        """;

    [Test]
    public void A_groups_members_minus_its_exceptions_announce_and_a_members_own_entry_wins()
    {
        var load = ScenarioText.Load(Yaml);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        var vote = load.Model!.Variants[0].Votes[0];
        var announced = vote.Given.ToDictionary(g => vote.Codes[g.Participant], g => g.Choice);
        var expected = Eu.Where(c => c != "HUN").ToDictionary(c => c, c => c == "FRA" ? VoteChoice.Abstain : VoteChoice.Yes);

        Assert.That(announced, Is.EquivalentTo(expected));
        Assert.That(vote.IsFixed(Array.IndexOf(vote.Codes, "HUN")), Is.False, "except: [HUN] leaves Hungary free");
        Assert.That(vote.Fixed[Array.IndexOf(vote.Codes, "DEU")], Is.EqualTo((sbyte)VoteChoice.Yes));
    }

    [Test]
    public void On_a_Council_draft_only_the_groups_members_on_the_Council_announce()
    {
        var load = ScenarioText.Load(Yaml);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        var draft = load.Model!.Variants[0].Votes[1];
        var onCouncil = draft.Codes.Where(Eu.Contains).ToArray();
        Assert.That(onCouncil, Does.Contain("FRA"), "France is a permanent member");
        Assert.That(draft.Given.Select(g => draft.Codes[g.Participant]), Is.EquivalentTo(onCouncil));
        Assert.That(draft.Given.Select(g => g.Choice), Is.All.EqualTo(VoteChoice.No));
    }

    [Test]
    public void A_variants_given_blocs_replaces_the_votes()
    {
        var load = ScenarioText.Load(Yaml);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        var none = load.Model!.Variants[1].Votes[0];
        Assert.That(none.Given.Select(g => none.Codes[g.Participant]), Is.EqualTo(new[] { "FRA" }), "the members' given stays; the groups' is removed");
    }
}
