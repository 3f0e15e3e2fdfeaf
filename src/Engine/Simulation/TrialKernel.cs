using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Simulates blocks of trials, four members at a time (<see cref="Vector256{T}"/>). One kernel per worker: it
/// owns its scratch buffers, so the hot loop allocates nothing. Every number it produces is a pure function of
/// the model and the trial index.
/// </summary>
/// <remarks>
/// Per trial and vote: the shocks are drawn (a handful); then for each member one 64-bit hash gives two 32-bit
/// uniforms, the high one deciding absence and the low one, through the inverse normal CDF, the latent noise that is
/// compared with the cut-points (no CDF is evaluated). The quantiles of all members' noise and position draws are
/// computed in one pass before the members are decided, the few lanes in the tails gathered four at a time. A vote
/// without shocks or position uncertainty compares the uniform directly with precomputed thresholds. The exact
/// estimator evaluates the normal CDF (vectorised) and runs the margin programme of <see cref="ExactAdoption"/>;
/// the Council's runs four trials at a time.
/// </remarks>
internal sealed partial class TrialKernel
{
    /// <summary>A/RES/76/262: the President of the Assembly convenes a meeting within ten working days of a veto.</summary>
    public const int DebateWindow = Calendar.VetoDebateDeadline.WorkingDays;

    /// <summary>
    /// When within the window the meeting falls: P(working day &lt;= k) for k = 1..10, the empirical distribution of
    /// the five debates checked against the UN Headquarters calendar (docs/veto-record.md: vetoes of 26 May 2022,
    /// 8 July 2022, 30 August 2023, 28 March 2024 and 24 April 2024 debated after 8, 9, 7, 8 and 8 working days).
    /// </summary>
    private static readonly double[] DebateDayCumulative = [0, 0, 0, 0, 0, 0, 0.2, 0.8, 1.0, 1.0];

    private readonly SimulationModel _model;
    private readonly VotePlan[][] _plans;
    private readonly double[] _shock;
    private readonly long[] _choice;
    private readonly double[] _pYes;
    private readonly double[] _pNo;
    private readonly double[] _dpA;
    private readonly double[] _dpB;
    private readonly Vector256<double>[] _dpFourTrials;
    private readonly CouncilExactBatch?[][] _councilBatches;
    private readonly double[]?[][] _staticExact;
    private readonly MemberDraws[] _shared;
    private readonly MemberDraws _own;
    private readonly double[] _shockDraws;
    private readonly VoteOutcome[] _outcomes;
    private readonly double[]?[] _paths;
    private readonly Drift.DriftStatistics?[] _drift;
    private readonly int[][]?[][] _cohesionParticipants;
    private double[]? _path;
    private int _pathMembers;
    private readonly bool[] _held;
    private readonly GivenPlan?[] _given;
    private readonly int _firstVariant;
    private readonly ChangedMembersPlan?[][]? _changed;
    private readonly ChangedMembersScratch?[][]? _changedScratch;

    /// <param name="model">What to simulate.</param>
    /// <param name="plans">Its plans (<see cref="Plan"/>).</param>
    /// <param name="firstVariant">The first variant simulated: 1 when the baseline's results are recorded (<see cref="BaselineRecord"/>), else 0.</param>
    /// <param name="changed">
    /// With a recorded baseline, per variant and vote: the votes simulated through their changed members only
    /// (<see cref="ChangedMembersPlan.ForRun"/>); null entries, or null, simulate whole.
    /// </param>
    public TrialKernel(SimulationModel model, VotePlan[][] plans, int firstVariant = 0, ChangedMembersPlan?[][]? changed = null)
    {
        _model = model;
        _plans = plans;
        _firstVariant = firstVariant;
        _changed = changed;
        _changedScratch = changed?.Select(v => v.Select(d => d is null ? null : new ChangedMembersScratch(d)).ToArray()).ToArray();
        int padded = plans.SelectMany(p => p).Max(p => p.Padded);
        _shock = new double[padded];
        _choice = new long[padded];
        _pYes = new double[padded];
        _pNo = new double[padded];
        int quota = plans.SelectMany(p => p).Max(p => p.Vote.CouncilRule.Quota);
        int dp = Math.Max(ExactAdoption.BufferLength(padded), 2 * (quota + 1) * 6);
        _dpA = new double[dp];
        _dpB = new double[dp];
        _dpFourTrials = new Vector256<double>[quota + 1];
        _councilBatches = plans.Select(v => v.Select(p => p.BatchesCouncilExact ? new CouncilExactBatch(p.Padded) : null).ToArray()).ToArray();
        _staticExact = plans.Select(v => new double[]?[v.Length]).ToArray();
        int shockDraws = plans.SelectMany(p => p).Max(p => p.ShockKeys.Length);
        _shared = plans[0].Select(_ => new MemberDraws(padded, 0)).ToArray();
        _own = new MemberDraws(padded, shockDraws);
        _shockDraws = new double[shockDraws];
        _outcomes = new VoteOutcome[plans[0].Length];
        _paths = model.Variants.Select(v => v.Drift is { } d ? new double[d.PathLength] : null).ToArray();
        _drift = model.Variants.Select(v => v.Drift is { } d ? new Drift.DriftStatistics(v.Name, d, d.Centres.Select(c => c.Label).ToArray(), v.Votes.Count) : null).ToArray();
        _cohesionParticipants = model.Variants.Select((v, vi) => plans[vi].Select(plan => CohesionParticipants(v.Drift, plan)).ToArray()).ToArray();
        _held = new bool[plans[0].Length];
        _given = plans.Select(GivenPlan.For).ToArray();
    }

    /// <summary>A kernel with its own plans (for benchmarks and tests; a run shares one set of plans).</summary>
    public TrialKernel(SimulationModel model)
        : this(model, Plan(model))
    {
    }

    /// <summary>A block of <paramref name="capacity"/> trials laid out for these plans, with room for the members' votes when <paramref name="memberChoices"/>.</summary>
    public static TrialBlock NewBlock(VotePlan[][] plans, int capacity, bool memberChoices = false) =>
        new(capacity, plans.Length, plans[0].Length, (v, j) => plans[v][j].Padded, memberChoices ? (v, j) => plans[v][j].Count : null);

    /// <summary>The plans of a model: one per variant and vote, shared by all kernels.</summary>
    public static VotePlan[][] Plan(SimulationModel model)
    {
        var plans = model.Variants.Select(v => v.Votes.Select(vote => new VotePlan(vote)).ToArray()).ToArray();
        for (int j = 0; j < model.VoteCount; j++)
        {
            bool anyDynamic = plans.Any(v => !v[j].IsStatic);
            for (int v = 0; v < plans.Length; v++)
            {
                plans[v][j].SharesDrawsWithBaseline = plans[v][j].DrawsLike(plans[0][j]);
                plans[v][j].NeedsNormalDraws = anyDynamic;
            }

            bool reused = plans.Count(v => v[j].SharesDrawsWithBaseline) > 1;
            foreach (var variant in plans)
            {
                variant[j].DrawsReused = reused && variant[j].SharesDrawsWithBaseline;
            }
        }

        return plans;
    }

    // The measured hot path's trial loop: it stays one method (over the 60-line guide) because its per-trial state
    // (the trial's random numbers, the redraws of conditioned variants, the shared draws' validity) would otherwise be
    // passed between methods once per trial and variant; a split waits for a benchmark before and after.
    /// <summary>Fills <paramref name="block"/> with trials <paramref name="firstTrial"/> .. firstTrial + count - 1.</summary>
    // AggressiveOptimization here and on the kernel's other hot methods: compiled fully optimised at the first call,
    // so a run's first blocks do not run in tier-0 code while the tiering waits for the start-up to settle (measured
    // in bench/README.md, "Cold start"; the dynamic PGO it gives up found nothing to use in these methods).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(TrialBlock block, long firstTrial, int count)
    {
        block.FirstTrial = firstTrial;
        block.Count = count;
        for (int v = 0; v < _plans.Length; v++)
        {
            for (int j = 0; j < _plans[v].Length; j++)
            {
                Array.Clear(block[v, j].MemberCounts);
            }
        }

        Array.Clear(block.GivenDraws);
        for (int r = 0; r < count; r++)
        {
            var random = new CounterRandom(_model.Seed, firstTrial + r);
            foreach (var draws in _shared)
            {
                draws.Valid = false;
            }

            for (int v = _firstVariant; v < _plans.Length; v++)
            {
                _path = _paths[v];
                var trial = random;
                if (_given[v] is { } given)
                {
                    trial = Condition(v, given, random, firstTrial + r, ref block.GivenDraws[v]);
                }
                else if (_path is not null)
                {
                    var drift = _model.Variants[v].Drift!;
                    _pathMembers = drift.Members;
                    drift.Simulate(random, _path);
                }

                if (_path is not null)
                {
                    Record(_model.Variants[v].Drift!, _path, _drift[v]!);
                }

                bool redrawn = trial.TrialKey != random.TrialKey;
                if (redrawn)
                {
                    InvalidateSharedDraws();
                }

                for (int j = 0; j < _plans[v].Length; j++)
                {
                    if (_changed?[v][j] is { } delta)
                    {
                        SimulateChangedMembers(delta, _changedScratch![v][j]!, j, trial, block[v, j], r, firstTrial + r);
                    }
                    else
                    {
                        SimulateVote(_plans[v][j], v, j, trial, block[v, j], r);
                    }
                }

                if (redrawn)
                {
                    // The draws kept for other variants are the trial's own, not this attempt's.
                    InvalidateSharedDraws();
                }
            }
        }

        if (_changed is not null)
        {
            FlushChangedMemberCounts(block);
        }

        for (int v = 0; v < _plans.Length; v++)
        {
            for (int j = 0; j < _plans[v].Length; j++)
            {
                if (_councilBatches[v][j] is { Count: > 0 } batch)
                {
                    FlushCouncilExact(_plans[v][j], batch, block[v, j]);
                }
            }
        }
    }

    private void InvalidateSharedDraws()
    {
        foreach (var draws in _shared)
        {
            draws.Valid = false;
        }
    }

    /// <summary>
    /// The random numbers of a trial conditioned on variant <paramref name="variant"/>'s announced votes: attempt a of
    /// the trial (<see cref="CounterRandom.Redraw"/>, the trial itself first) draws the shared quantities, the drift
    /// path included, and is accepted with probability <see cref="GivenPlan.Likelihood"/>. Variants announcing the
    /// same votes accept the same attempt, so they keep sharing their random numbers.
    /// </summary>
    /// <exception cref="GivenVotesImprobableException">No attempt accepted within <see cref="GivenPlan.MaxAttempts"/>.</exception>
    private CounterRandom Condition(int variant, GivenPlan given, CounterRandom trial, long trialIndex, ref long draws)
    {
        var drift = _model.Variants[variant].Drift;
        _pathMembers = drift?.Members ?? 0;
        for (int a = 0; a < GivenPlan.MaxAttempts; a++)
        {
            var attempt = trial.Redraw(a);
            if (_path is not null)
            {
                drift!.Simulate(attempt, _path);
            }

            draws++;
            double likelihood = given.Likelihood(attempt, _path, _pathMembers);
            if (attempt.Uniform(RandomPurpose.GivenAcceptance, 0, 0) < likelihood)
            {
                return attempt;
            }
        }

        string votes = string.Join(", ", given.VoteIds.Select(id => $"'{id}'"));
        string where = variant == 0 ? string.Empty : $" in variant '{_model.Variants[variant].Name}'";
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        throw new GivenVotesImprobableException(
            $"the announced votes ('given') on {votes}{where} were not compatible with any of "
            + string.Create(culture, $"{GivenPlan.MaxAttempts:N0} draws of trial {trialIndex:N0}'s shocks and positions: under the model they are nearly impossible ")
            + string.Create(culture, $"(probability below about 1 in {GivenPlan.MaxAttempts:N0}); ")
            + "check them against the members' leans, or fix the votes with 'vote:' instead (an intervention)")
        {
            Variant = _model.Variants[variant].Name,
            Votes = given.VoteIds,
        };
    }

    // The measured hot path (bench/): one call per trial and vote. It stays one long method on purpose: its steps
    // (shocks, drift, leans, draws, tally, exact estimate, outcome) share locals and spans that a split would have to
    // pass around or re-derive per trial, and the benchmarks are the judge of any change to it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SimulateVote(VotePlan plan, int variant, int voteIndex, CounterRandom random, VoteTrialColumns columns, int row)
    {
        var vote = plan.Vote;
        bool exact = vote.Estimator == OutcomeEstimator.ExactConditional;
        int path = vote.Conditions.Count == 0 ? 0 : Path(vote, random);
        if (path < 0)
        {
            _held[voteIndex] = false;
            columns.Held[row] = false;
            columns.Path[row] = 0;
            columns.Yes[row] = 0;
            columns.No[row] = 0;
            columns.Abstain[row] = 0;
            columns.Absent[row] = 0;
            columns.Adopted[row] = false;
            columns.VetoedBy[row] = PermanentMembers.None;
            columns.DebateDay[row] = 0;
            columns.ExactProbability[row] = exact ? 0.0 : double.NaN;
            return;
        }

        _held[voteIndex] = true;
        columns.Held[row] = true;
        columns.Path[row] = (byte)path;
        // A Council vote's exact programme runs for four trials at once: this trial's probabilities go to the next lane.
        var batch = exact ? _councilBatches[variant][voteIndex] : null;
        double[] pYes = batch?.PYes ?? _pYes;
        double[] pNo = batch?.PNo ?? _pNo;
        int pOffset = batch is null ? 0 : batch.Count * plan.Padded;
        VoteTally tally;
        if (plan.IsStatic)
        {
            // Uniforms only: read back when kept for other variants, otherwise hashed as the members are decided.
            if (plan.DrawsReused)
            {
                var draws = _shared[voteIndex];
                if (!draws.Valid)
                {
                    Draw(plan, random, draws, plan.NeedsNormalDraws, plan.NeedsNormalDraws, shocks: false);
                }

                var cached = new CachedDraws(draws);
                tally = DecideStatic(plan, ref cached, columns.MemberCounts);
            }
            else
            {
                var inline = new InlineDraws(plan, random.TrialKey);
                tally = DecideStatic(plan, ref inline, columns.MemberCounts);
            }
        }
        else
        {
            // All the normal quantiles of the trial's members (and, unless the draws are shared, of its shocks) in one
            // pass, then the decisions.
            var draws = plan.DrawsReused ? _shared[voteIndex] : _own;
            if (plan.DrawsReused)
            {
                if (plan.HasShocks)
                {
                    DrawShocks(plan, random, null, 0);
                }

                if (!draws.Valid)
                {
                    Draw(plan, random, draws, plan.NeedsNormalDraws, plan.NeedsNormalDraws, shocks: false);
                }
            }
            else
            {
                int shockOffset = Draw(plan, random, draws, normals: true, positions: plan.HasLoading, shocks: plan.HasShocks);
                if (plan.HasShocks)
                {
                    DrawShocks(plan, random, draws.Normal, shockOffset);
                }
            }

            tally = DecideDynamic(plan, draws, columns.MemberCounts, exact, pYes, pNo, pOffset);
        }

        var permanentNo = PermanentMembers.None;
        foreach (int i in plan.Permanent)
        {
            if (_choice[i] == (long)VoteChoice.No)
            {
                permanentNo |= vote.Permanent[i];
            }
        }

        if (columns.Choices is { } choices)
        {
            CopyChoices(plan.Count, choices.AsSpan(row * plan.Count, plan.Count));
        }

        int yes = tally.Yes, no = tally.No;
        columns.Yes[row] = (short)yes;
        columns.No[row] = (short)no;
        columns.Abstain[row] = (short)tally.Abstain;
        columns.Absent[row] = (short)tally.Absent;
        columns.Adopted[row] = vote.IsAdopted(yes, no, permanentNo);
        columns.VetoedBy[row] = vote.VetoedBy(permanentNo);
        _outcomes[voteIndex] = new VoteOutcome(tally, columns.Adopted[row], columns.VetoedBy[row]);
        columns.DebateDay[row] = vote.DebatesVeto && columns.VetoedBy[row] != PermanentMembers.None
            ? DebateDay(random.Uniform(plan.DebateDayKey))
            : (byte)0;
        if (batch is not null)
        {
            // Written when the batch of four trials is complete (or at the end of the block).
            batch.Rows[batch.Count++] = row;
            if (batch.Count == CouncilExactBatch.Trials)
            {
                FlushCouncilExact(plan, batch, columns);
            }
        }
        else
        {
            columns.ExactProbability[row] = !exact ? double.NaN
                : plan.IsStatic ? StaticExact(plan, variant, voteIndex)
                : ExactProbability(plan);
        }

        if (vote.Body == Body.SecurityCouncil)
        {
            CountPivotalCouncil(plan, columns.MemberCounts, yes, no, permanentNo);
        }
        else
        {
            CountPivotalAssembly(plan, columns.MemberCounts, yes, no);
        }

        if (plan.FansAdoption && _drift[variant] is { } drift)
        {
            drift.Adoption.Count(voteIndex, exact ? columns.ExactProbability[row] : ExactProbability(plan));
            if (_cohesionParticipants[variant][voteIndex] is { } blocs)
            {
                drift.Cohesion.Count(plan.DriftYearIndex, _choice.AsSpan(0, plan.Count), plan.Roster.AsSpan(0, plan.Count), blocs, _model.Variants[variant].Drift!.Cohesion!.Reference);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private VoteTally DecideDynamic(VotePlan plan, MemberDraws draws, long[] counts, bool exact, double[] pYes, double[] pNo, int pOffset)
    {
        int padded = plan.Padded;
        var normal = draws.Normal;
        var path = _path;
        int pathOffset = plan.DriftYearIndex < 0 || path is null ? -1 : plan.DriftYearIndex * _pathMembers;
        var driftBeta = Vector256.Create(plan.DriftBeta);
        var one = Vector256.Create(1.0);
        int yes = 0, no = 0, absent = 0;
        for (int i = 0; i < padded; i += VotePlan.Lanes)
        {
            var mean = Load(plan.Mean, i);
            if (plan.HasLoading)
            {
                mean = Vector256.FusedMultiplyAdd(Load(plan.Loading, i), Load(normal, padded + i), mean);
            }

            if (plan.HasShocks)
            {
                mean += Load(_shock, i);
            }

            if (pathOffset >= 0)
            {
                var roster = plan.Roster;
                var theta = Vector256.Create(path![pathOffset + roster[i]], path[pathOffset + roster[i + 1]], path[pathOffset + roster[i + 2]], path[pathOffset + roster[i + 3]]);
                mean = Vector256.FusedMultiplyAdd(driftBeta, theta, mean);
            }

            var latent = mean + Load(normal, i);
            var absentMask = Vector256.LessThan(Load(draws.AbsenceUniform, i), Load(plan.Absence, i));
            var noMask = Vector256.AndNot(Vector256.LessThan(latent, Load(plan.NoBelow, i)), absentMask);
            var yesMask = Vector256.AndNot(Vector256.GreaterThanOrEqual(latent, Load(plan.YesFrom, i)), absentMask);
            Record(i, yesMask.AsInt64(), noMask.AsInt64(), absentMask.AsInt64(), counts, padded, ref yes, ref no, ref absent);

            if (exact || plan.FansAdoption)
            {
                var present = one - Load(plan.Absence, i);
                Store(pNo, pOffset + i, present * SimdMath.NormalCdf(Load(plan.NoBelow, i) - mean));
                Store(pYes, pOffset + i, present * SimdMath.NormalCdf(mean - Load(plan.YesFrom, i)));
            }
        }

        return new VoteTally(yes, no, padded - yes - no - absent - (padded - plan.Count), absent);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private VoteTally DecideStatic<TDraws>(VotePlan plan, ref TDraws draws, long[] counts)
        where TDraws : struct, IMemberDrawSource
    {
        int padded = plan.Padded;
        int yes = 0, no = 0, absent = 0;
        for (int i = 0; i < padded; i += VotePlan.Lanes)
        {
            draws.Load(i, out var absenceUniform, out var uniform);
            var absentMask = Vector256.LessThan(absenceUniform, Load(plan.Absence, i));
            var noMask = Vector256.AndNot(Vector256.LessThan(uniform, Load(plan.StaticNoBelowUniform!, i)), absentMask);
            var yesMask = Vector256.AndNot(Vector256.GreaterThanOrEqual(uniform, Load(plan.StaticYesFromUniform!, i)), absentMask);
            Record(i, yesMask.AsInt64(), noMask.AsInt64(), absentMask.AsInt64(), counts, padded, ref yes, ref no, ref absent);
        }

        return new VoteTally(yes, no, padded - yes - no - absent - (padded - plan.Count), absent);
    }

    /// <summary>
    /// Stores the lanes' choices (codes of <see cref="VoteChoice"/>), adds them to the members' counters (masks are
    /// -1 where set, so subtracting a mask counts one) and to the tally.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Record(int i, Vector256<long> yesMask, Vector256<long> noMask, Vector256<long> absentMask, long[] counts, int padded, ref int yes, ref int no, ref int absent)
    {
        var abstainMask = ~(yesMask | noMask | absentMask);
        // Codes: yes 0, abstain 1, no 2, absent 3.
        var code = Vector256.Create(1L) + yesMask - noMask;
        code = Vector256.ConditionalSelect(absentMask, Vector256.Create(3L), code);
        Store(_choice, i, code);
        Store(counts, i, Load(counts, i) - yesMask);
        Store(counts, padded + i, Load(counts, padded + i) - abstainMask);
        Store(counts, (2 * padded) + i, Load(counts, (2 * padded) + i) - noMask);
        Store(counts, (3 * padded) + i, Load(counts, (3 * padded) + i) - absentMask);
        yes += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(yesMask));
        no += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(noMask));
        absent += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(absentMask));
    }

    /// <summary>The members' votes just decided (codes of <see cref="VoteChoice"/>), for a run that records them.</summary>
    private void CopyChoices(int participants, Span<byte> choices)
    {
        for (int p = 0; p < participants; p++)
        {
            choices[p] = (byte)_choice[p];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<T> Load<T>(T[] array, int index) => Vector256.LoadUnsafe(ref array[0], (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(T[] array, int index, Vector256<T> value) => value.StoreUnsafe(ref array[0], (nuint)index);
}
