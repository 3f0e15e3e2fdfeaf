using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// A variant's member entry replaces the baseline's (an empty entry removes it), and explicit parameters mean the
/// same in a variant as in a vote: no analog shift, issue offsets or spread carried over from the baseline's analog.
/// </summary>
public sealed class VariantMemberEntryTests
{
    private const string Fixed = """
        scenario: test
        as_of: 2026-03-01
        trials: 1000
        members:
          FRA: { vote: yes }
        votes:
          - id: v
            body: GA
            like: { vote: A/RES/68/262, kind: repeat }
            members:
              USA: { vote: no }
        variants:
          - name: usa-free
            members:
              USA: {}
          - name: usa-abstains
            votes: { v: { members: { USA: { vote: abstain } } } }
          - name: fra-shift
            members:
              FRA: { shift: 0.3 }
        """;

    [Test]
    public void A_variant_entry_replaces_the_baseline_entry_and_an_empty_one_removes_it()
    {
        var load = ScenarioText.Load(Fixed);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        var model = load.Model!;
        int Index(int variant, string code) => Array.IndexOf(model.Variants[variant].Votes[0].Codes, code);
        var baseline = model.Variants[0].Votes[0];
        Assert.That(baseline.Fixed[Index(0, "USA")], Is.EqualTo((sbyte)VoteChoice.No));
        Assert.That(baseline.Fixed[Index(0, "FRA")], Is.EqualTo((sbyte)VoteChoice.Yes));

        var free = model.Variants[1].Votes[0];
        Assert.That(free.IsFixed(Index(1, "USA")), Is.False, "USA: {} removes the baseline's fixed no");
        Assert.That(free.IsFixed(Index(1, "FRA")), Is.True, "other members keep the baseline's entries");

        var abstains = model.Variants[2].Votes[0];
        Assert.That(abstains.Fixed[Index(2, "USA")], Is.EqualTo((sbyte)VoteChoice.Abstain));

        var shifted = model.Variants[3].Votes[0];
        Assert.That(shifted.IsFixed(Index(3, "FRA")), Is.False, "a shift entry in the variant replaces the baseline's fixed yes");
    }

    [Test]
    public void Explicit_parameters_in_a_variant_are_those_of_a_vote_with_explicit_parameters()
    {
        const string yaml = """
            scenario: test
            as_of: 2026-03-01
            trials: 1000
            votes:
              - id: v
                body: GA
                like: { vote: A/RES/68/262, shift: 0.4, spread: 0.5 }
              - id: w
                body: GA
                discrimination: 1.5
                cutpoints: [-1.0, 0.5]
            variants:
              - name: explicit
                votes: { v: { discrimination: 1.5, cutpoints: [-1.0, 0.5] } }
            """;
        var load = ScenarioText.Load(yaml);
        Assert.That(load.Model, Is.Not.Null, ScenarioText.Messages(load));
        var baseline = load.Model!.Variants[0];
        var variant = load.Model.Variants[1].Votes[0];
        var written = baseline.Votes[1];
        Assert.That(baseline.Votes[0].AnalogSd, Is.EqualTo(0.5));
        Assert.That(variant.AnalogSd, Is.Zero, "no analog spread");
        Assert.That(variant.Mean, Is.EqualTo(written.Mean), "no analog shift or issue offsets");
        Assert.That(variant.NoBelow, Is.EqualTo(written.NoBelow));
        Assert.That(variant.YesFrom, Is.EqualTo(written.YesFrom));
        Assert.That(variant.PositionLoading, Is.EqualTo(written.PositionLoading));
    }
}
