using StemSimulator.Engine.Power;

namespace StemSimulator.Tests.Engine.Power;

/// <summary>A council definition rejects rules that are not proper voting games, and states its rule in words.</summary>
public sealed class CouncilDefinitionTests
{
    [Test]
    public void Quota_above_the_total_weight_is_rejected()
    {
        Assert.That(() => new CouncilDefinition("x", "", [TestCouncils.Seats("member", 5)], 6), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Veto_blocking_above_the_number_of_veto_holders_is_rejected()
    {
        Assert.That(() => new CouncilDefinition("x", "", [TestCouncils.Seats("permanent", 2, veto: true), TestCouncils.Seats("elected", 3)], 3, vetoBlocking: 3),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Repeated_member_is_rejected()
    {
        Assert.That(() => new CouncilDefinition("x", "", [new SeatClass("a", ["NLD"]), new SeatClass("b", ["NLD"])], 1),
            Throws.ArgumentException.With.Message.Contains("'NLD' appears more than once"));
    }

    [Test]
    public void Rule_reads_as_the_charter_writes_it()
    {
        Assert.That(TestCouncils.Current().RuleText(), Is.EqualTo("all 5 veto holders and 9 of 15 votes"));
        Assert.That(new CouncilDefinition("x", "", [TestCouncils.Seats("permanent", 5, veto: true), TestCouncils.Seats("elected", 10)], 9, 2).RuleText(),
            Is.EqualTo("9 of 15 votes; 2 of the 5 veto holders needed to block"));
        Assert.That(new CouncilDefinition("x", "", [TestCouncils.Seats("member", 15)], 9).RuleText(), Is.EqualTo("9 of 15 votes, no veto"));
    }

    [Test]
    public void Winning_needs_the_quota_and_fewer_blocking_veto_holders_than_the_blocking_number()
    {
        var council = TestCouncils.Current();

        Assert.That(council.IsWinning(9, 0), Is.True);
        Assert.That(council.IsWinning(8, 0), Is.False);
        Assert.That(council.IsWinning(14, 1), Is.False);
    }

    [Test]
    public void Oversized_council_of_distinct_weights_is_refused_with_a_reason()
    {
        var classes = Enumerable.Range(1, 300).Select(i => TestCouncils.Seats($"c{i}", 1, weight: 1000 + i)).ToArray();
        var council = new CouncilDefinition("huge", "", classes, 200_000);

        Assert.That(VotingPower.SizeProblem(council), Does.Contain("too large for the exact computation"));
        Assert.That(() => VotingPower.Compute(council), Throws.ArgumentException);
    }
}
