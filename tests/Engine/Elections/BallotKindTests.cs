using StemSimulator.Engine.Elections;

namespace StemSimulator.Tests.Engine.Elections;

/// <summary>Rules 93 and 94: which ballots are restricted.</summary>
public sealed class BallotKindTests
{
    [Test]
    public void First_ballot_is_unrestricted_then_two_restricted_then_blocks_of_three_alternate()
    {
        var kinds = Enumerable.Range(1, 15).Select(b => BallotingRules.KindOf(b) == BallotKind.Restricted ? 'R' : 'U');

        Assert.That(string.Concat(kinds), Is.EqualTo("URRUUURRRUUURRR"));
    }

    [Test]
    public void The_forty_eighth_ballot_of_2006_was_unrestricted()
    {
        // Panama, not a candidate before, could receive votes only in an unrestricted ballot.
        Assert.That(BallotingRules.KindOf(46), Is.EqualTo(BallotKind.Unrestricted));
        Assert.That(BallotingRules.KindOf(47), Is.EqualTo(BallotKind.Unrestricted));
        Assert.That(BallotingRules.KindOf(48), Is.EqualTo(BallotKind.Unrestricted));
    }

    [Test]
    public void Restricted_list_holds_at_most_twice_the_open_seats()
    {
        Assert.That(BallotingRules.RestrictedListSize(1), Is.EqualTo(2));
        Assert.That(BallotingRules.RestrictedListSize(3), Is.EqualTo(6));
    }
}
