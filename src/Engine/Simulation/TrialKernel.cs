using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Simulates blocks of trials. One kernel per worker: it owns its scratch buffers, so the hot loop allocates
/// nothing. Every number it produces is a pure function of the model and the trial index.
/// </summary>
internal sealed class TrialKernel
{
    private readonly SimulationModel _model;
    private readonly int[] _uncertainRoster;
    private readonly double[] _positionDraw;
    private readonly VoteChoice[] _choices;
    private readonly double[] _pYes;
    private readonly double[] _pNo;
    private readonly double[] _dpA;
    private readonly double[] _dpB;
    private readonly double[] _blocShock;

    public TrialKernel(SimulationModel model)
    {
        _model = model;
        var votes = model.Variants.SelectMany(v => v.Votes).ToArray();
        int maxParticipants = votes.Max(v => v.Count);
        int rosterSize = votes.Max(v => v.RosterIndex.Max()) + 1;
        _uncertainRoster = votes
            .SelectMany(v => v.RosterIndex.Where((_, i) => v.PositionLoading[i] != 0 && v.Fixed[i] < 0))
            .Distinct()
            .Order()
            .ToArray();
        _positionDraw = new double[rosterSize];
        _choices = new VoteChoice[maxParticipants];
        _pYes = new double[maxParticipants];
        _pNo = new double[maxParticipants];
        _dpA = new double[(3 * maxParticipants) + 1];
        _dpB = new double[(3 * maxParticipants) + 1];
        _blocShock = new double[Math.Max(1, votes.Max(v => v.Shocks.BlocSds.Count))];
    }

    /// <summary>Fills <paramref name="block"/> with trials <paramref name="firstTrial"/> .. firstTrial + count - 1.</summary>
    public void Run(TrialBlock block, long firstTrial, int count)
    {
        block.FirstTrial = firstTrial;
        block.Count = count;
        var variants = _model.Variants;
        for (int v = 0; v < variants.Count; v++)
        {
            for (int j = 0; j < variants[v].Votes.Count; j++)
            {
                Array.Clear(block[v, j].MemberCounts);
            }
        }

        for (int r = 0; r < count; r++)
        {
            var random = new CounterRandom(_model.Seed, firstTrial + r);
            foreach (int member in _uncertainRoster)
            {
                _positionDraw[member] = random.Normal(RandomPurpose.Position, 0, member);
            }

            for (int v = 0; v < variants.Count; v++)
            {
                var votes = variants[v].Votes;
                for (int j = 0; j < votes.Count; j++)
                {
                    SimulateVote(votes[j], random, block[v, j], r);
                }
            }
        }
    }

    private void SimulateVote(VoteModel vote, CounterRandom random, VoteTrialColumns columns, int row)
    {
        int stream = vote.Stream;
        var shocks = vote.Shocks;
        double global = shocks.GlobalSd > 0 ? shocks.GlobalSd * random.Normal(RandomPurpose.GlobalShock, stream, 0) : 0.0;
        for (int b = 0; b < shocks.BlocSds.Count; b++)
        {
            double sd = shocks.BlocSds[b];
            _blocShock[b] = sd > 0 ? sd * random.Normal(RandomPurpose.BlocShock, stream, b) : 0.0;
        }

        bool exact = vote.Estimator == OutcomeEstimator.ExactConditional;
        int n = vote.Count;
        int yes = 0, no = 0, abstain = 0, absent = 0;
        var permanentNo = PermanentMembers.None;
        var roster = vote.RosterIndex;
        for (int i = 0; i < n; i++)
        {
            VoteChoice choice;
            sbyte fixedChoice = vote.Fixed[i];
            if (fixedChoice >= 0)
            {
                choice = (VoteChoice)fixedChoice;
                if (exact)
                {
                    _pYes[i] = choice == VoteChoice.Yes ? 1.0 : 0.0;
                    _pNo[i] = choice == VoteChoice.No ? 1.0 : 0.0;
                }
            }
            else
            {
                double mean = vote.Mean[i] + global;
                if (vote.PositionLoading[i] != 0)
                {
                    mean += vote.PositionLoading[i] * _positionDraw[roster[i]];
                }

                for (int k = vote.BlocOffsets[i]; k < vote.BlocOffsets[i + 1]; k++)
                {
                    mean += _blocShock[vote.BlocIndices[k]];
                }

                double absence = vote.Absence[i];
                if (exact)
                {
                    double present = 1.0 - absence;
                    _pNo[i] = present * StandardNormal.Cdf(vote.NoBelow[i] - mean);
                    _pYes[i] = present * StandardNormal.Cdf(mean - vote.YesFrom[i]);
                }

                if (absence > 0 && random.Uniform(RandomPurpose.Absence, stream, roster[i]) < absence)
                {
                    choice = VoteChoice.Absent;
                }
                else
                {
                    double latent = mean + random.Normal(RandomPurpose.VoteNoise, stream, roster[i]);
                    choice = latent < vote.NoBelow[i] ? VoteChoice.No
                        : latent >= vote.YesFrom[i] ? VoteChoice.Yes
                        : VoteChoice.Abstain;
                }
            }

            switch (choice)
            {
                case VoteChoice.Yes: yes++; break;
                case VoteChoice.No:
                    no++;
                    permanentNo |= vote.Permanent[i];
                    break;
                case VoteChoice.Abstain: abstain++; break;
                default: absent++; break;
            }

            _choices[i] = choice;
        }

        columns.Yes[row] = (short)yes;
        columns.No[row] = (short)no;
        columns.Abstain[row] = (short)abstain;
        columns.Absent[row] = (short)absent;
        columns.Adopted[row] = vote.IsAdopted(yes, no, permanentNo);
        columns.VetoedBy[row] = vote.Body == Body.SecurityCouncil && vote.Decision == CouncilDecision.Substantive
            ? permanentNo
            : PermanentMembers.None;
        columns.ExactProbability[row] = !exact ? double.NaN
            : vote.Body == Body.SecurityCouncil
                ? ExactAdoption.SecurityCouncil(_pYes.AsSpan(0, n), _pNo.AsSpan(0, n), vote.Permanent, vote.Decision, _dpA)
                : ExactAdoption.GeneralAssembly(_pYes.AsSpan(0, n), _pNo.AsSpan(0, n), vote.Majority, _dpA, _dpB);

        CountMembers(vote, columns.MemberCounts, yes, no, permanentNo);
    }

    /// <summary>
    /// Counts each participant's choice and whether it was pivotal: with everyone else's vote as sampled, the
    /// proposal is adopted if the participant votes yes and fails if it votes no.
    /// </summary>
    private void CountMembers(VoteModel vote, int[] counts, int yes, int no, PermanentMembers permanentNo)
    {
        for (int i = 0; i < vote.Count; i++)
        {
            var choice = _choices[i];
            int othersYes = yes - (choice == VoteChoice.Yes ? 1 : 0);
            int othersNo = no - (choice == VoteChoice.No ? 1 : 0);
            var own = vote.Permanent[i];
            var othersPermanentNo = choice == VoteChoice.No ? permanentNo & ~own : permanentNo;
            bool pivotal = vote.IsAdopted(othersYes + 1, othersNo, othersPermanentNo)
                && !vote.IsAdopted(othersYes, othersNo + 1, othersPermanentNo | own);
            int at = i * VoteTrialColumns.MemberCountKinds;
            counts[at + (int)choice]++;
            if (pivotal)
            {
                counts[at + VoteTrialColumns.PivotalKind]++;
            }
        }
    }
}
