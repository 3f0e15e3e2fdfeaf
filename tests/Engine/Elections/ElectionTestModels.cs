using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Members;
using StemSimulator.Engine.Model;

namespace StemSimulator.Tests.Engine.Elections;

/// <summary>Hand-built elections and ballots for the election engine's tests.</summary>
internal static class ElectionTestModels
{
    /// <summary>
    /// Ballots from fixed rankings: every voter names its most preferred eligible candidates, up to the open seats,
    /// in every ballot; no noise, no absence.
    /// </summary>
    public sealed class FixedPreferenceBox(int[][] rankings) : IBallotBox
    {
        public BallotCount Cast(int ballot, ReadOnlySpan<bool> eligible, int openSeats, Span<int> votes)
        {
            votes.Clear();
            int voting = 0, blank = 0;
            foreach (var ranking in rankings)
            {
                int named = 0;
                foreach (int c in ranking)
                {
                    if (named < openSeats && eligible[c])
                    {
                        votes[c]++;
                        named++;
                    }
                }

                if (named > 0)
                {
                    voting++;
                }
                else
                {
                    blank++;
                }
            }

            return new BallotCount(voting, blank, 0, 0);
        }
    }

    /// <summary>
    /// An election of <paramref name="voters"/> members at the given positions (no standard errors), where the first
    /// <paramref name="candidates"/> members are candidates for <paramref name="seats"/> seats in one group.
    /// </summary>
    public static ElectionModel Election(
        double[] voters,
        int candidates,
        int seats,
        ElectionBody body = ElectionBody.SecurityCouncil,
        AffinityWeights? weights = null,
        WithdrawalModel? withdrawal = null,
        int maxRounds = 200,
        double absence = 0,
        double invalid = 0,
        ElectionShocks? shocks = null,
        int compromise = 0)
    {
        var members = voters.Select((theta, i) => new ElectionVoter($"M{i:00}", i, theta, 0, RegionalGroup.WesternEuropeanAndOthers, absence, true, 0)).ToArray();
        var list = Enumerable.Range(0, candidates + compromise)
            .Select(i => new ElectionCandidate(members[i].Code, 0, i, RegionalGroup.WesternEuropeanAndOthers, 0, i >= candidates))
            .ToArray();
        return new ElectionModel
        {
            Id = "test",
            Stream = 0,
            Body = body,
            Date = new DateOnly(2026, 6, 1),
            Voters = members,
            Candidates = list,
            SeatGroups = [new SeatGroupModel(RegionalGroup.WesternEuropeanAndOthers, seats, Enumerable.Range(0, list.Length).ToArray())],
            Weights = weights ?? new AffinityWeights(Acceptance: 5, Distance: 1, Region: 0, Reciprocity: 0, PreferenceSd: 0, RoundSd: 0),
            Shocks = shocks ?? ElectionShocks.None,
            Invalid = invalid,
            Withdrawal = withdrawal ?? WithdrawalModel.Never,
            MaxRounds = maxRounds,
        };
    }

    /// <summary>A model with only the given election, in the baseline.</summary>
    public static SimulationModel Model(ElectionModel election, long trials, ulong seed = 7) =>
        new(seed, trials, [new VariantModel("baseline", []) { Elections = [election] }]);
}
