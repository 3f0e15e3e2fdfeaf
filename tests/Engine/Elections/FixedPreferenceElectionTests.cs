using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Elections;

/// <summary>Elections with fixed preferences end with the winner and the number of ballots worked out by hand.</summary>
public sealed class FixedPreferenceElectionTests
{
    private static int[][] Repeat(int times, params int[] ranking) => Enumerable.Repeat(ranking, times).ToArray();

    private static ContestOutcome RunContest(ElectionModel election, int[][] rankings)
    {
        var contest = new SeatGroupContest(election.Candidates.Count);
        contest.Run(election, 0, new ElectionTestModels.FixedPreferenceBox(rankings), new CounterRandom(1, 0), null);
        return contest.Outcome;
    }

    [Test]
    public void Rule_93_restricts_the_second_ballot_to_the_top_two_and_elects_there()
    {
        // 9 voters, one seat, two-thirds = 6. Ballot 1: A 4, B 3, C 2. Ballot 2 is restricted to A and B; C's voters
        // turn to A: A 6 of 9 is elected on the second ballot.
        var rankings = Repeat(4, 0, 2, 1).Concat(Repeat(3, 1, 2, 0)).Concat(Repeat(2, 2, 0, 1)).ToArray();
        var election = ElectionTestModels.Election(new double[9], candidates: 3, seats: 1);

        var outcome = RunContest(election, rankings);

        Assert.That(outcome.Rounds, Is.EqualTo(2));
        Assert.That(outcome.Elected[..outcome.ElectedCount], Is.EqualTo(new[] { 0 }));
        Assert.That(outcome.Capped, Is.False);
    }

    [Test]
    public void A_deadlock_ends_when_the_trailing_candidate_withdraws()
    {
        // 5 for A, 4 for B: A never reaches 6 of 9. From ballot 5 the trailing candidate withdraws for sure; ballot 6
        // (unrestricted) gives A all nine votes.
        var rankings = Repeat(5, 0, 1).Concat(Repeat(4, 1, 0)).ToArray();
        var election = ElectionTestModels.Election(new double[9], candidates: 2, seats: 1, withdrawal: new WithdrawalModel(5, 1.0, WithdrawalMode.Trailing));

        var outcome = RunContest(election, rankings);

        Assert.That(outcome.Rounds, Is.EqualTo(6));
        Assert.That(outcome.Elected[..outcome.ElectedCount], Is.EqualTo(new[] { 0 }));
        Assert.That(outcome.Withdrawn, Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public void A_joint_withdrawal_elects_the_compromise_candidate_in_the_next_unrestricted_ballot()
    {
        // The 2006 pattern: A and B deadlock; after ballot 10 both withdraw; ballots 11-12 are restricted to the
        // previous leaders, who no longer stand, so the ballot opens to the compromise candidate C, preferred second by all.
        var rankings = Repeat(5, 0, 2, 1).Concat(Repeat(4, 1, 2, 0)).ToArray();
        var election = ElectionTestModels.Election(new double[9], candidates: 2, seats: 1, withdrawal: new WithdrawalModel(10, 1.0, WithdrawalMode.All), compromise: 1);

        var outcome = RunContest(election, rankings);

        Assert.That(outcome.Rounds, Is.EqualTo(11));
        Assert.That(outcome.Elected[..outcome.ElectedCount], Is.EqualTo(new[] { 2 }));
        Assert.That(outcome.Withdrawn, Is.EqualTo(new[] { true, true, false }));
    }

    [Test]
    public void Rule_94_fills_several_seats_over_restricted_ballots()
    {
        // Two seats, four candidates, 12 voters naming two each; two-thirds of 12 = 8.
        // Ballot 1: A 12, B 5, C 4, D 3 -> only A is elected. Ballot 2 is restricted to twice the one open seat: B and C.
        // D's voters turn to B: B 8 of 12 is elected on the second ballot.
        var rankings = Repeat(5, 0, 1, 2, 3).Concat(Repeat(4, 0, 2, 1, 3)).Concat(Repeat(3, 0, 3, 1, 2)).ToArray();
        var election = ElectionTestModels.Election(new double[12], candidates: 4, seats: 2, maxRounds: 30);

        var outcome = RunContest(election, rankings);

        Assert.That(outcome.Elected[..outcome.ElectedCount], Is.EqualTo(new[] { 0, 1 }));
        Assert.That(outcome.ElectedBallot[..4], Is.EqualTo(new[] { 1, 2, 0, 0 }));
        Assert.That(outcome.Rounds, Is.EqualTo(2));
    }

    [Test]
    public void Without_withdrawals_a_deadlock_runs_to_the_round_cap_and_leaves_the_seat_unfilled()
    {
        var rankings = Repeat(5, 0, 1).Concat(Repeat(4, 1, 0)).ToArray();
        var election = ElectionTestModels.Election(new double[9], candidates: 2, seats: 1, maxRounds: 30);

        var outcome = RunContest(election, rankings);

        Assert.That(outcome.ElectedCount, Is.Zero);
        Assert.That(outcome.Rounds, Is.EqualTo(30));
        Assert.That(outcome.Capped, Is.True);
        Assert.That(outcome.Unfilled, Is.EqualTo(1));
    }

    [Test]
    public void Human_rights_council_fills_several_seats_in_one_ballot_in_order_of_votes()
    {
        // 193 voters, two seats, absolute majority 97: A 150, B 120, C 99 (three blank ballots): A and B are elected in
        // ballot 1 although C also has a majority.
        var rankings = Repeat(80, 0, 1).Concat(Repeat(59, 0, 2)).Concat(Repeat(40, 1, 2)).Concat(Repeat(11, 0)).Concat(Repeat(3)).ToArray();
        var election = ElectionTestModels.Election(new double[193], candidates: 3, seats: 2, body: ElectionBody.HumanRightsCouncil);

        var outcome = RunContest(election, rankings);

        Assert.That(outcome.Rounds, Is.EqualTo(1));
        Assert.That(outcome.Elected[..outcome.ElectedCount], Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void The_simulator_with_fixed_preferences_gives_the_known_winner_and_rounds_in_every_trial()
    {
        // No noise: members name the nearest candidate. Candidates M00 (at -1), M01 (at 1) and M02 (at 0.1).
        // Ballot 1: M00 3 (itself, -0.9, -0.8), M01 2 (itself, 0.9), M02 5 (itself, 0.2, 0.3, 0.4, 0.05): nobody has
        // 7 of 10. Ballot 2 is restricted to M02 and M00; M01 and 0.9 turn to M02, nearer than M00: M02 7, elected.
        double[] positions = [-1, 1, 0.1, -0.9, -0.8, 0.9, 0.2, 0.3, 0.4, 0.05];
        var election = ElectionTestModels.Election(positions, candidates: 3, seats: 1);

        var result = ElectionSimulator.Run(ElectionTestModels.Model(election, 50), new SimulationOptions { Threads = 1 });
        var tally = result.Elections[0].Tally;

        Assert.That(tally.Elected, Is.EqualTo(new long[] { 0, 0, 50 }), "M02 wins every trial");
        Assert.That(tally.RoundsHistogram[tally.At(0, 2)], Is.EqualTo(50), "on the second ballot");
        Assert.That(tally.Votes[tally.At(2, 1)], Is.EqualTo(5 * 50));
        Assert.That(tally.Votes[tally.At(2, 2)], Is.EqualTo(7 * 50));
    }
}
