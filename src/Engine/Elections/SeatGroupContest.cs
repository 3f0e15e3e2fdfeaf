using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Elections;

/// <summary>
/// Runs the ballots of one seat group until its seats are filled, following <see cref="BallotingRules"/>, the
/// withdrawal model and the round cap. Reusable scratch: one per worker; nothing is allocated per trial.
/// </summary>
/// <remarks>
/// Termination: every iteration holds one ballot and the ballot number is capped by <see cref="ElectionModel.MaxRounds"/>,
/// so a contest ends after at most that many ballots whatever the preferences; with a withdrawal probability above
/// zero most deadlocks end long before.
/// </remarks>
internal sealed class SeatGroupContest
{
    private readonly bool[] _standing;
    private readonly bool[] _eligible;
    private readonly bool[] _previousEligible;
    private readonly bool[] _restrictable;
    private readonly int[] _votes;
    private readonly int[] _previousVotes;
    private readonly int[] _electedNow;
    private readonly double[] _lots;

    public SeatGroupContest(int capacity)
    {
        _standing = new bool[capacity];
        _eligible = new bool[capacity];
        _previousEligible = new bool[capacity];
        _restrictable = new bool[capacity];
        _votes = new int[capacity];
        _previousVotes = new int[capacity];
        _electedNow = new int[capacity];
        _lots = new double[capacity];
        Outcome = new ContestOutcome(capacity);
    }

    /// <summary>The outcome of the last <see cref="Run"/>.</summary>
    public ContestOutcome Outcome { get; }

    /// <summary>Runs seat group <paramref name="groupIndex"/> of <paramref name="election"/>.</summary>
    /// <param name="election">The election.</param>
    /// <param name="groupIndex">The seat group.</param>
    /// <param name="box">Casts the ballots.</param>
    /// <param name="random">The trial's random numbers (lots and withdrawals).</param>
    /// <param name="tally">Receives every ballot's counts; may be <see langword="null"/>.</param>
    public void Run(ElectionModel election, int groupIndex, IBallotBox box, CounterRandom random, ElectionTally? tally)
    {
        var group = election.SeatGroups[groupIndex];
        int n = group.Candidates.Count;
        var standing = _standing.AsSpan(0, n);
        var eligible = _eligible.AsSpan(0, n);
        var votes = _votes.AsSpan(0, n);
        var outcome = Outcome;
        int reserve = Reset(election, group);
        int open = group.Seats;
        int stream = election.Stream;
        int ballot = 0;
        while (open > 0)
        {
            if (ballot == election.MaxRounds)
            {
                outcome.Capped = true;
                break;
            }

            ballot++;
            var kind = BallotingRules.KindOf(ballot);
            if (kind == BallotKind.Unrestricted || !Restrict(n, open, stream, groupIndex, ballot, random))
            {
                standing.CopyTo(eligible);
            }

            var count = box.Cast(ballot, eligible, open, votes);
            int required = BallotingRules.RequiredVotes(election.Majority, count);
            int elected = BallotingRules.Elect(votes, eligible, required, open, _electedNow);
            RecordElected(elected, ballot);
            open -= elected;
            tally?.AddBallot(groupIndex, ballot, votes, eligible, count);
            votes.CopyTo(_previousVotes);
            eligible.CopyTo(_previousEligible);
            if (open == 0 || (!standing.Contains(true) && reserve == 0))
            {
                break;
            }

            if (ballot >= election.Withdrawal.AfterRounds && election.Withdrawal.Probability > 0 && Withdraw(election.Withdrawal, n, open, reserve, stream, groupIndex, ballot, random))
            {
                // The first withdrawal opens the race to the compromise candidates.
                if (reserve > 0)
                {
                    ReleaseCompromises(election, group);
                }

                reserve = 0;
            }
        }

        outcome.Rounds = ballot;
        outcome.Unfilled = open;
    }

    /// <summary>Clears the outcome and stands every candidate but the compromise ones, held in reserve; returns how many are in reserve.</summary>
    private int Reset(ElectionModel election, SeatGroupModel group)
    {
        int reserve = 0;
        for (int j = 0; j < group.Candidates.Count; j++)
        {
            bool compromise = election.Candidates[group.Candidates[j]].IsCompromise;
            _standing[j] = !compromise;
            reserve += compromise ? 1 : 0;
            Outcome.ElectedBallot[j] = 0;
            Outcome.Withdrawn[j] = false;
        }

        Outcome.ElectedCount = 0;
        Outcome.Capped = false;
        return reserve;
    }

    /// <summary>Takes the first <paramref name="elected"/> candidates of the ballot's elected list out of the race and records them.</summary>
    private void RecordElected(int elected, int ballot)
    {
        for (int k = 0; k < elected; k++)
        {
            int j = _electedNow[k];
            _standing[j] = false;
            Outcome.Elected[Outcome.ElectedCount++] = j;
            Outcome.ElectedBallot[j] = ballot;
        }
    }

    /// <summary>Stands every compromise candidate that has not withdrawn.</summary>
    private void ReleaseCompromises(ElectionModel election, SeatGroupModel group)
    {
        for (int j = 0; j < group.Candidates.Count; j++)
        {
            if (election.Candidates[group.Candidates[j]].IsCompromise && !Outcome.Withdrawn[j])
            {
                _standing[j] = true;
            }
        }
    }

    /// <summary>
    /// Fills the eligible list of a restricted ballot from the previous ballot's leaders still standing; returns false
    /// when none of them stands any more (the ballot is then open to every standing candidate).
    /// </summary>
    private bool Restrict(int n, int open, int stream, int groupIndex, int ballot, CounterRandom random)
    {
        bool any = false;
        for (int j = 0; j < n; j++)
        {
            _restrictable[j] = _previousEligible[j] && _standing[j];
            any |= _restrictable[j];
            _lots[j] = random.Uniform(RandomPurpose.ElectionLot, stream, RandomKeys.Of(ballot, groupIndex, j));
        }

        if (!any)
        {
            return false;
        }

        BallotingRules.Restrict(_previousVotes.AsSpan(0, n), _restrictable.AsSpan(0, n), open, _lots.AsSpan(0, n), _eligible.AsSpan(0, n));
        return true;
    }

    /// <summary>Applies the withdrawal model after an inconclusive ballot; returns whether anyone withdrew.</summary>
    private bool Withdraw(WithdrawalModel model, int n, int open, int reserve, int stream, int groupIndex, int ballot, CounterRandom random)
    {
        int standingCount = 0;
        for (int j = 0; j < n; j++)
        {
            standingCount += _standing[j] ? 1 : 0;
        }

        if (model.Mode == WithdrawalMode.All && reserve > 0)
        {
            return WithdrawAll(model, n, stream, groupIndex, ballot, random);
        }

        bool withdrew = false;
        Span<int> order = stackalloc int[n];
        var list = TrailingFirst(n, stream, groupIndex, ballot, random, order);
        int candidates = model.Mode == WithdrawalMode.Any ? list.Length : Math.Min(1, list.Length);
        for (int i = 0; i < candidates; i++)
        {
            // Never leave fewer candidates than open seats (the compromise candidates still in reserve count).
            if (standingCount + reserve <= open)
            {
                break;
            }

            int j = list[i];
            if (random.Uniform(RandomPurpose.ElectionWithdrawal, stream, RandomKeys.Of(ballot, groupIndex, j)) < model.Probability)
            {
                _standing[j] = false;
                Outcome.Withdrawn[j] = true;
                standingCount--;
                withdrew = true;
            }
        }

        return withdrew;
    }

    /// <summary>Withdraws every standing candidate at once with the model's probability (one draw); returns whether they withdrew.</summary>
    private bool WithdrawAll(WithdrawalModel model, int n, int stream, int groupIndex, int ballot, CounterRandom random)
    {
        if (random.Uniform(RandomPurpose.ElectionWithdrawal, stream, RandomKeys.Of(ballot, groupIndex, 255)) >= model.Probability)
        {
            return false;
        }

        for (int j = 0; j < n; j++)
        {
            if (_standing[j])
            {
                _standing[j] = false;
                Outcome.Withdrawn[j] = true;
            }
        }

        return true;
    }

    /// <summary>The standing candidates, trailing first: fewest votes in the last ballot, ties by lot (insertion sort into <paramref name="order"/>).</summary>
    private Span<int> TrailingFirst(int n, int stream, int groupIndex, int ballot, CounterRandom random, Span<int> order)
    {
        int m = 0;
        for (int j = 0; j < n; j++)
        {
            if (_standing[j])
            {
                order[m++] = j;
                _lots[j] = random.Uniform(RandomPurpose.ElectionWithdrawal, stream, RandomKeys.Of(ballot, groupIndex, 64 + j));
            }
        }

        var list = order[..m];
        for (int i = 1; i < list.Length; i++)
        {
            int c = list[i];
            int k = i - 1;
            while (k >= 0 && (_votes[list[k]] > _votes[c] || (_votes[list[k]] == _votes[c] && _lots[list[k]] > _lots[c])))
            {
                list[k + 1] = list[k];
                k--;
            }

            list[k + 1] = c;
        }

        return list;
    }
}
