using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Elections;

/// <summary>
/// Simulates the elections of blocks of trials. One kernel per worker owns its scratch buffers, so nothing is
/// allocated per trial. It is also the members' ballot box: each ballot is cast from the trial's utilities (see
/// <see cref="AffinityWeights"/>) plus fresh ballot noise.
/// </summary>
internal sealed class ElectionTrialKernel : IBallotBox
{
    private readonly SimulationModel _model;
    private readonly int[] _roster;
    private readonly double[] _positionDraw;
    private readonly double[] _theta;
    private readonly double[] _utility;
    private readonly double[] _blocShock;
    private readonly int[] _picks;
    private readonly double[] _pickUtility;
    private readonly SeatGroupContest _contest;

    // The election, seat group and trial being balloted (set before each contest).
    private ElectionModel _election = null!;
    private ElectionTally _tally = null!;
    private IReadOnlyList<int> _groupCandidates = [];
    private int _group;
    private CounterRandom _random;

    public ElectionTrialKernel(SimulationModel model)
    {
        _model = model;
        var elections = model.Variants.SelectMany(v => v.Elections).ToArray();
        _roster = elections.SelectMany(e => e.Voters.Where(v => v.ThetaStandardError > 0).Select(v => v.RosterIndex)).Distinct().Order().ToArray();
        _positionDraw = new double[elections.SelectMany(e => e.Voters).Select(v => v.RosterIndex).DefaultIfEmpty(0).Max() + 1];
        int voters = elections.Max(e => e.Voters.Count);
        int candidates = elections.Max(e => e.Candidates.Count);
        _theta = new double[voters];
        _utility = new double[voters * candidates];
        _blocShock = new double[Math.Max(1, elections.Max(e => e.Shocks.BlocNames.Count)) * candidates];
        _picks = new int[candidates];
        _pickUtility = new double[candidates];
        _contest = new SeatGroupContest(candidates);
    }

    /// <summary>Fills <paramref name="block"/> with trials <paramref name="firstTrial"/> .. firstTrial + count - 1.</summary>
    public void Run(ElectionTrialBlock block, long firstTrial, int count)
    {
        block.FirstTrial = firstTrial;
        block.Count = count;
        var variants = _model.Variants;
        for (int v = 0; v < variants.Count; v++)
        {
            for (int e = 0; e < variants[v].Elections.Count; e++)
            {
                block[v, e].Tally.Clear();
            }
        }

        for (int r = 0; r < count; r++)
        {
            var random = new CounterRandom(_model.Seed, firstTrial + r);
            foreach (int member in _roster)
            {
                // The same key as the votes' position draws: a trial's members sit at the same positions everywhere.
                _positionDraw[member] = random.Normal(RandomPurpose.Position, 0, member);
            }

            for (int v = 0; v < variants.Count; v++)
            {
                var elections = variants[v].Elections;
                for (int e = 0; e < elections.Count; e++)
                {
                    Simulate(elections[e], random, block[v, e], r);
                }
            }
        }
    }

    private void Simulate(ElectionModel election, CounterRandom random, ElectionTrialColumns columns, int row)
    {
        _election = election;
        _tally = columns.Tally;
        _random = random;
        PrepareUtilities(election, random);
        _tally.AddTrial();
        int groups = election.SeatGroups.Count;
        for (int g = 0; g < groups; g++)
        {
            _group = g;
            _groupCandidates = election.SeatGroups[g].Candidates;
            _contest.Run(election, g, this, random, _tally);
            var outcome = _contest.Outcome;
            _tally.AddContest(g, outcome);
            int at = (row * groups) + g;
            columns.Rounds[at] = outcome.Rounds;
            columns.Capped[at] = outcome.Capped;
            columns.Unfilled[at] = outcome.Unfilled;
            ulong withdrawn = 0;
            for (int j = 0; j < _groupCandidates.Count; j++)
            {
                withdrawn |= outcome.Withdrawn[j] ? 1UL << _groupCandidates[j] : 0;
            }

            columns.Withdrawn[at] = withdrawn;
            for (int k = 0; k < columns.MaxSeats; k++)
            {
                columns.Elected[(at * columns.MaxSeats) + k] = k < outcome.ElectedCount ? _groupCandidates[outcome.Elected[k]] : -1;
            }
        }
    }

    /// <summary>The trial's fixed part of every utility u(i,c) (all terms but the ballot noise).</summary>
    private void PrepareUtilities(ElectionModel election, CounterRandom random)
    {
        var voters = election.Voters;
        var candidates = election.Candidates;
        var weights = election.Weights;
        var shocks = election.Shocks;
        int n = candidates.Count;
        int stream = election.Stream;
        for (int i = 0; i < voters.Count; i++)
        {
            var voter = voters[i];
            _theta[i] = voter.Theta + (voter.ThetaStandardError > 0 ? voter.ThetaStandardError * _positionDraw[voter.RosterIndex] : 0);
        }

        for (int b = 0; b < shocks.BlocNames.Count; b++)
        {
            for (int c = 0; c < n; c++)
            {
                double sd = shocks.BlocSds[b];
                _blocShock[(b * n) + c] = sd > 0 ? sd * random.Normal(RandomPurpose.ElectionBlocShock, stream, (b << 8) | c) : 0;
            }
        }

        for (int c = 0; c < n; c++)
        {
            var candidate = candidates[c];
            double common = weights.Acceptance + candidate.Campaign
                + (shocks.CandidateSd > 0 ? shocks.CandidateSd * random.Normal(RandomPurpose.ElectionCandidateShock, stream, c) : 0);
            double thetaC = _theta[candidate.Voter];
            for (int i = 0; i < voters.Count; i++)
            {
                var voter = voters[i];
                double u = common - (weights.Distance * Math.Abs(_theta[i] - thetaC));
                if (voter.Group == candidate.Group)
                {
                    u += weights.Region;
                }

                for (ulong mask = voter.BlocMask; mask != 0; mask &= mask - 1)
                {
                    u += _blocShock[(System.Numerics.BitOperations.TrailingZeroCount(mask) * n) + c];
                }

                if (weights.PreferenceSd > 0)
                {
                    u += weights.PreferenceSd * random.Normal(RandomPurpose.ElectionPreference, stream, (i << 8) | c);
                }

                _utility[(i * n) + c] = u;
            }
        }

        foreach (var (voter, candidate) in election.Reciprocal)
        {
            _utility[(voter * n) + candidate] += weights.Reciprocity;
        }
    }

    /// <inheritdoc />
    public BallotCount Cast(int ballot, ReadOnlySpan<bool> eligible, int openSeats, Span<int> votes)
    {
        var voters = _election.Voters;
        int n = _election.Candidates.Count;
        int groups = _election.SeatGroups.Count;
        bool first = ballot == 1;
        votes.Clear();
        int presentAndVoting = 0, abstentions = 0, invalid = 0, absent = 0;
        for (int i = 0; i < voters.Count; i++)
        {
            var attendance = AttendanceOf(ballot, i);
            int picked = attendance == Attendance.Voting ? Pick(ballot, i, eligible, openSeats) : 0;
            if (attendance == Attendance.Absent)
            {
                absent++;
                Count(_tally.FirstBallotAbsent, first, (i * groups) + _group);
            }
            else if (attendance == Attendance.Invalid)
            {
                invalid++;
                Count(_tally.FirstBallotInvalid, first, (i * groups) + _group);
            }
            else if (attendance == Attendance.Blank || picked == 0)
            {
                abstentions++;
                Count(_tally.FirstBallotBlank, first, (i * groups) + _group);
            }
            else
            {
                presentAndVoting++;
                for (int k = 0; k < picked; k++)
                {
                    votes[_picks[k]]++;
                    Count(_tally.FirstBallotVotes, first, (i * n) + _groupCandidates[_picks[k]]);
                }
            }
        }

        return new BallotCount(presentAndVoting, abstentions, invalid, absent);
    }

    /// <summary>How voter <paramref name="i"/> turns out on a ballot: one uniform against absence, invalid and blank in turn.</summary>
    private Attendance AttendanceOf(int ballot, int i)
    {
        var voter = _election.Voters[i];
        if (!voter.HasVote)
        {
            return Attendance.Absent;
        }

        double turnout = _random.Uniform(RandomPurpose.ElectionTurnout, _election.Stream, RandomKeys.Of(ballot, i, _group));
        if (turnout < voter.Absence)
        {
            return Attendance.Absent;
        }

        if (turnout < voter.Absence + _election.Invalid)
        {
            return Attendance.Invalid;
        }

        return turnout < voter.Absence + _election.Invalid + _election.Abstention ? Attendance.Blank : Attendance.Voting;
    }

    /// <summary>
    /// Keeps voter <paramref name="i"/>'s <paramref name="openSeats"/> most preferred acceptable candidates (u &gt; 0),
    /// best first, by insertion into the picks; returns how many (0: a blank ballot).
    /// </summary>
    private int Pick(int ballot, int i, ReadOnlySpan<bool> eligible, int openSeats)
    {
        var candidates = _election.Candidates;
        int n = candidates.Count;
        double roundSd = _election.Weights.RoundSd;
        int picked = 0;
        for (int j = 0; j < eligible.Length; j++)
        {
            if (!eligible[j])
            {
                continue;
            }

            int c = _groupCandidates[j];
            double u = candidates[c].Voter == i
                ? double.PositiveInfinity
                : _utility[(i * n) + c] + (roundSd > 0 ? roundSd * _random.Normal(RandomPurpose.ElectionRoundNoise, _election.Stream, RandomKeys.Of(ballot, i, c)) : 0);
            if (!(u > 0) || (picked == openSeats && u <= _pickUtility[picked - 1]))
            {
                continue;
            }

            int k = picked == openSeats ? picked - 1 : picked++;
            while (k > 0 && _pickUtility[k - 1] < u)
            {
                _pickUtility[k] = _pickUtility[k - 1];
                _picks[k] = _picks[k - 1];
                k--;
            }

            _pickUtility[k] = u;
            _picks[k] = j;
        }

        return picked;
    }

    /// <summary>How a voter takes part in one ballot.</summary>
    private enum Attendance
    {
        Absent,
        Invalid,
        Blank,
        Voting,
    }

    private static void Count(long[] counts, bool first, int at)
    {
        if (first)
        {
            counts[at]++;
        }
    }
}
