using StemSimulator.Engine.Elections;

namespace StemSimulator.Tests.Engine.Elections;

/// <summary>Who is elected from a ballot, and who may stand in a restricted ballot (rule 94).</summary>
public sealed class ElectAndRestrictTests
{
    [Test]
    public void Candidates_reaching_the_majority_are_elected_in_order_of_votes_up_to_the_open_seats()
    {
        Span<int> elected = stackalloc int[4];

        int n = BallotingRules.Elect([130, 150, 140, 90], [true, true, true, true], required: 128, openSeats: 2, elected);

        Assert.That(elected[..n].ToArray(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void A_tie_across_the_last_seat_elects_none_of_the_tied()
    {
        Span<int> elected = stackalloc int[3];

        int n = BallotingRules.Elect([150, 130, 130], [true, true, true], required: 128, openSeats: 2, elected);

        Assert.That(elected[..n].ToArray(), Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void Votes_for_a_candidate_not_on_the_ballot_do_not_elect()
    {
        Span<int> elected = stackalloc int[2];

        int n = BallotingRules.Elect([150, 10], [false, true], required: 100, openSeats: 1, elected);

        Assert.That(n, Is.Zero);
    }

    [Test]
    public void Restricted_ballot_keeps_the_leaders_up_to_twice_the_open_seats()
    {
        var restricted = new bool[5];

        BallotingRules.Restrict([100, 80, 60, 40, 20], [true, true, true, true, true], openSeats: 1, [0.5, 0.5, 0.5, 0.5, 0.5], restricted);

        Assert.That(restricted, Is.EqualTo(new[] { true, true, false, false, false }));
    }

    [Test]
    public void Restricted_ballot_for_two_open_seats_keeps_four()
    {
        var restricted = new bool[6];

        BallotingRules.Restrict([10, 90, 70, 50, 80, 30], [true, true, true, true, true, true], openSeats: 2, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], restricted);

        Assert.That(restricted, Is.EqualTo(new[] { false, true, true, true, true, false }));
    }

    [Test]
    public void A_tie_at_the_cut_of_the_restricted_list_is_decided_by_lot()
    {
        var restricted = new bool[3];

        BallotingRules.Restrict([100, 50, 50], [true, true, true], openSeats: 1, [0.3, 0.9, 0.1], restricted);

        Assert.That(restricted, Is.EqualTo(new[] { true, false, true }), "the lower lot wins the tie");
    }

    [Test]
    public void Candidates_no_longer_standing_are_left_out_of_the_restricted_list()
    {
        var restricted = new bool[3];

        BallotingRules.Restrict([100, 90, 50], [true, false, true], openSeats: 1, [0.5, 0.5, 0.5], restricted);

        Assert.That(restricted, Is.EqualTo(new[] { true, false, true }));
    }
}
