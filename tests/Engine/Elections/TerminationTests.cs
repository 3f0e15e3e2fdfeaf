using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Elections;

/// <summary>Elections always end: by election, by withdrawal, or at the hard round cap (even under adversarial settings).</summary>
public sealed class TerminationTests
{
    private static readonly double[] SplitMembers = [.. Enumerable.Range(0, 100).Select(i => i < 50 ? -1.0 : 1.0)];

    [Test]
    public void A_perfect_split_without_withdrawals_stops_at_the_cap_in_every_trial()
    {
        // Two candidates at -1 and 1 and two camps of 50: neither can reach two-thirds, nobody withdraws.
        var election = ElectionTestModels.Election([-1, 1, .. SplitMembers[2..]], candidates: 2, seats: 1, maxRounds: 25);

        var result = ElectionSimulator.Run(ElectionTestModels.Model(election, 40), new SimulationOptions { Threads = 2 });
        var tally = result.Elections[0].Tally;

        Assert.That(tally.Capped[0], Is.EqualTo(40));
        Assert.That(tally.RoundsHistogram[tally.At(0, 25)], Is.EqualTo(40));
        Assert.That(tally.UnfilledSeats[0], Is.EqualTo(40));
        Assert.That(tally.Elected.Sum(), Is.Zero);
    }

    [Test]
    public void Noise_and_a_withdrawal_model_end_every_deadlock_before_the_cap()
    {
        var weights = new AffinityWeights(Acceptance: 3, Distance: 1, Region: 0, Reciprocity: 0, PreferenceSd: 1, RoundSd: 0.5);
        var election = ElectionTestModels.Election([-1, 1, .. SplitMembers[2..]], candidates: 2, seats: 1, weights: weights,
            withdrawal: new WithdrawalModel(5, 0.3, WithdrawalMode.Trailing), maxRounds: 500, absence: 0.02, invalid: 0.01);

        var result = ElectionSimulator.Run(ElectionTestModels.Model(election, 400), new SimulationOptions { Threads = 2 });
        var tally = result.Elections[0].Tally;

        Assert.That(tally.Capped[0], Is.Zero);
        Assert.That(tally.Elected.Sum(), Is.EqualTo(400), "one candidate elected in every trial");
    }

    [Test]
    public void A_candidate_nobody_accepts_never_reaches_97_and_the_cap_ends_the_balloting()
    {
        // Human Rights Council, one seat, one candidate far from everyone with utility below zero for all but itself:
        // blank ballots do not help under an absolute majority of all members.
        double[] members = [5, .. Enumerable.Repeat(-1.0, 192)];
        var weights = new AffinityWeights(Acceptance: 1, Distance: 1, Region: 0, Reciprocity: 0, PreferenceSd: 0, RoundSd: 0);
        var election = ElectionTestModels.Election(members, candidates: 1, seats: 1, body: ElectionBody.HumanRightsCouncil, weights: weights,
            withdrawal: new WithdrawalModel(1, 1.0, WithdrawalMode.Any), maxRounds: 12);

        var result = ElectionSimulator.Run(ElectionTestModels.Model(election, 10), new SimulationOptions { Threads = 1 });
        var tally = result.Elections[0].Tally;

        Assert.That(tally.Capped[0], Is.EqualTo(10));
        Assert.That(tally.Withdrew[0], Is.Zero, "the last candidate for a seat never withdraws");
        Assert.That(tally.Votes[tally.At(0, 1)], Is.EqualTo(10), "only its own vote");
    }

    [Test]
    public void The_largest_round_cap_still_ends_quickly_when_every_ballot_is_identical()
    {
        var election = ElectionTestModels.Election([-1, 1, .. SplitMembers[2..]], candidates: 2, seats: 1, maxRounds: ElectionModel.MaxRoundCap);

        var result = ElectionSimulator.Run(ElectionTestModels.Model(election, 2), new SimulationOptions { Threads = 1 });

        Assert.That(result.Elections[0].Tally.Capped[0], Is.EqualTo(2));
    }
}
