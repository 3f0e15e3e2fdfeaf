using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Elections;

/// <summary>Election results are a pure function of the seed: identical for any thread count, block size and trial split.</summary>
public sealed class ElectionThreadIndependenceTests
{
    /// <summary>Keeps every per-trial row of the sink, as text.</summary>
    private sealed class RecordingSink : IElectionBlockSink
    {
        public List<string> Rows { get; } = [];

        public void Write(ElectionTrialBlock block)
        {
            var columns = block[0, 0];
            for (int r = 0; r < block.Count; r++)
            {
                for (int g = 0; g < columns.Groups; g++)
                {
                    int at = (r * columns.Groups) + g;
                    var elected = columns.Elected.AsSpan(at * columns.MaxSeats, columns.MaxSeats).ToArray();
                    Rows.Add($"{block.FirstTrial + r}/{g}: {string.Join(',', elected)} in {columns.Rounds[at]} withdrawn {columns.Withdrawn[at]} capped {columns.Capped[at]}");
                }
            }
        }
    }

    private static ElectionModel NoisyElection()
    {
        double[] positions = [.. Enumerable.Range(0, 120).Select(i => Math.Sin(i * 0.37) * 1.5)];
        var weights = new AffinityWeights(Acceptance: 1.5, Distance: 0.8, Region: 0, Reciprocity: 1, PreferenceSd: 1, RoundSd: 0.4);
        var election = ElectionTestModels.Election(positions, candidates: 4, seats: 2, weights: weights,
            withdrawal: new WithdrawalModel(4, 0.2, WithdrawalMode.Any), absence: 0.02, invalid: 0.01,
            shocks: new ElectionShocks(0.3, ["A"], [0.4]), compromise: 1);
        var voters = election.Voters.Select((v, i) => v with { ThetaStandardError = 0.1, BlocMask = i % 3 == 0 ? 1UL : 0 }).ToArray();
        return new ElectionModel
        {
            Id = election.Id,
            Stream = 3,
            Body = election.Body,
            Date = election.Date,
            Voters = voters,
            Candidates = election.Candidates,
            SeatGroups = election.SeatGroups,
            Weights = election.Weights,
            Shocks = election.Shocks,
            Reciprocal = [(10, 0), (11, 0), (12, 3)],
            Abstention = 0.01,
            Invalid = election.Invalid,
            Withdrawal = election.Withdrawal,
            MaxRounds = 60,
        };
    }

    private static (ElectionRunResult Result, List<string> Rows) Run(ElectionModel election, SimulationOptions options)
    {
        var sink = new RecordingSink();
        var result = ElectionSimulator.Run(ElectionTestModels.Model(election, 3000, seed: 42), options, sink);
        return (result, sink.Rows);
    }

    [Test]
    public void Threads_and_block_sizes_do_not_change_a_single_number()
    {
        var election = NoisyElection();

        var (one, oneRows) = Run(election, new SimulationOptions { Threads = 1 });
        var (three, threeRows) = Run(election, new SimulationOptions { Threads = 3, BlockSize = 97 });

        Assert.That(threeRows, Is.EqualTo(oneRows));
        var a = one.Elections[0].Tally;
        var b = three.Elections[0].Tally;
        Assert.That(b.Elected, Is.EqualTo(a.Elected));
        Assert.That(b.RoundsHistogram, Is.EqualTo(a.RoundsHistogram));
        Assert.That(b.Votes, Is.EqualTo(a.Votes));
        Assert.That(b.FirstBallotVotes, Is.EqualTo(a.FirstBallotVotes));
        Assert.That(a.Elected.Sum(), Is.GreaterThan(0));
        Assert.That(a.RoundsHistogram.Count(h => h > 0), Is.GreaterThan(2), "the test election should have varied contests");
    }

    [Test]
    public void Two_halves_of_the_trials_add_up_to_the_whole_run()
    {
        var election = NoisyElection();

        var (whole, wholeRows) = Run(election, new SimulationOptions { Threads = 2 });
        var (first, firstRows) = Run(election, new SimulationOptions { Threads = 2, FirstTrial = 0, TrialCount = 1234 });
        var (second, secondRows) = Run(election, new SimulationOptions { Threads = 2, FirstTrial = 1234, TrialCount = 3000 - 1234 });

        Assert.That(firstRows.Concat(secondRows), Is.EqualTo(wholeRows));
        var sum = new ElectionTally(first.Elections[0].Election);
        sum.Add(first.Elections[0].Tally);
        sum.Add(second.Elections[0].Tally);
        Assert.That(sum.Elected, Is.EqualTo(whole.Elections[0].Tally.Elected));
        Assert.That(sum.Votes, Is.EqualTo(whole.Elections[0].Tally.Votes));
    }
}
