using StemSimulator.Engine.Elections;

namespace StemSimulator.Tests.Engine.Elections;

/// <summary>The majorities of Council and Human Rights Council elections on hand-counted ballots.</summary>
public sealed class RequiredMajorityTests
{
    [Test]
    public void Two_thirds_counts_only_members_present_and_voting()
    {
        // 2006, a typical GRULAC ballot: 192 ballot papers, 3 blank, 0 invalid: 189 present and voting, 126 required.
        var count = new BallotCount(PresentAndVoting: 189, Abstentions: 3, Invalid: 0, Absent: 0);

        Assert.That(BallotingRules.RequiredVotes(ElectionMajority.TwoThirdsOfPresentAndVoting, count), Is.EqualTo(126));
    }

    [Test]
    public void Blank_and_invalid_ballots_and_absences_lower_the_two_thirds_threshold()
    {
        var full = new BallotCount(193, 0, 0, 0);
        var thinned = new BallotCount(180, 6, 4, 3);

        Assert.That(BallotingRules.RequiredVotes(ElectionMajority.TwoThirdsOfPresentAndVoting, full), Is.EqualTo(129), "ceil(2 x 193 / 3)");
        Assert.That(BallotingRules.RequiredVotes(ElectionMajority.TwoThirdsOfPresentAndVoting, thinned), Is.EqualTo(120), "2 x 180 / 3");
    }

    [Test]
    public void Two_thirds_rounds_up()
    {
        Assert.That(BallotingRules.RequiredVotes(ElectionMajority.TwoThirdsOfPresentAndVoting, new BallotCount(190, 2, 0, 0)), Is.EqualTo(127));
        Assert.That(BallotingRules.RequiredVotes(ElectionMajority.TwoThirdsOfPresentAndVoting, new BallotCount(191, 1, 0, 0)), Is.EqualTo(128));
    }

    [Test]
    public void Human_rights_council_needs_97_of_193_however_many_vote()
    {
        foreach (var count in new[] { new BallotCount(193, 0, 0, 0), new BallotCount(120, 40, 3, 30), new BallotCount(96, 97, 0, 0) })
        {
            Assert.That(BallotingRules.RequiredVotes(ElectionMajority.AbsoluteMajorityOfMembers, count), Is.EqualTo(97), count.ToString());
        }
    }

    [Test]
    public void Ninety_six_votes_fail_the_absolute_majority_even_when_everyone_else_abstains()
    {
        var count = new BallotCount(PresentAndVoting: 100, Abstentions: 93, Invalid: 0, Absent: 0);
        int required = BallotingRules.RequiredVotes(ElectionMajority.AbsoluteMajorityOfMembers, count);
        Span<int> elected = stackalloc int[2];

        int n = BallotingRules.Elect([96, 97], [true, true], required, 2, elected);

        Assert.That(n, Is.EqualTo(1));
        Assert.That(elected[0], Is.EqualTo(1), "97 votes elect; 96 do not");
    }
}
