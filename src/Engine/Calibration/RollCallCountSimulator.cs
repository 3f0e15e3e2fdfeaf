using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Simulates the yes, no, abstain and absent counts of one forecast roll call, with the vote model's correlated
/// shocks, to give count ranges and P(adopted) for the backtest.
/// </summary>
/// <remarks>
/// <para>Per trial: the roll call's parameters q = (beta, tau_1, tau_2, s_0 .. s_{G-1}) are drawn from
/// N(m, L L^T) (fixed at m when L is empty), a global shock g ~ N(0, sg^2) and bloc shocks s_b ~ N(0, sb^2). A member
/// with a recorded (revealed) vote keeps it; every other member is absent with its absence probability, else its
/// latent support is beta * x_i + o_i + sum_{k in groups(i)} s_k + g + sum_{b in blocs(i)} s_b + sd_i * e, e ~ N(0, 1), and it votes
/// no below tau_1, yes from tau_2, abstains in between. Every draw is a pure function of (seed, trial, roll call,
/// member) through <see cref="CounterRandom"/>, so results do not depend on threads. A member that may repeat an
/// earlier vote keeps its stance with its repeat probability: its noise is then drawn inside that vote's interval, so
/// without shocks it repeats the vote and a shock may still move it (a bloc that shifts takes its repeaters along).</para>
/// <para>The General Assembly's simple majority decides adoption: yes &gt; no.</para>
/// </remarks>
public static class RollCallCountSimulator
{
    /// <summary>The members of one roll call and how each is forecast.</summary>
    /// <param name="Positions">x_i.</param>
    /// <param name="Offsets">o_i, added to the latent support (e.g. a carried-over residual).</param>
    /// <param name="Sds">sd_i &gt; 0, the latent noise (own noise and position uncertainty).</param>
    /// <param name="GroupOffsets">CSR offsets into <paramref name="GroupIndices"/> (members + 1 values): the member's group effects in the parameter vector.</param>
    /// <param name="GroupIndices">Group effect indices (0 .. G - 1) of each member.</param>
    /// <param name="Absence">Absence probability of each member.</param>
    /// <param name="Fixed">A member's revealed vote (<see cref="OrdinalVote"/> as int, or 3 for a revealed absence), or -1.</param>
    /// <param name="BlocOffsets">CSR offsets into <paramref name="BlocIndices"/> (members + 1 values).</param>
    /// <param name="BlocIndices">Bloc shock indices of each member.</param>
    /// <param name="RepeatVote">The member's earlier vote on the text it may repeat (<see cref="RepeatMixture"/>), or -1.</param>
    /// <param name="RepeatProbability">Probability of repeating it.</param>
    public sealed record Members(double[] Positions, double[] Offsets, double[] Sds, int[] GroupOffsets, int[] GroupIndices, double[] Absence, int[] Fixed, int[] BlocOffsets, int[] BlocIndices, int[] RepeatVote, double[] RepeatProbability);

    /// <summary>Simulated counts: one entry per trial.</summary>
    /// <param name="Yes">Yes count per trial.</param>
    /// <param name="No">No count per trial.</param>
    /// <param name="Abstain">Abstentions per trial.</param>
    /// <param name="PAdopted">Share of trials with yes &gt; no.</param>
    public sealed record Result(int[] Yes, int[] No, int[] Abstain, double PAdopted);

    /// <summary>Runs <paramref name="trials"/> trials.</summary>
    /// <param name="members">The members.</param>
    /// <param name="parameterMean">m: beta, tau_1, tau_2 and the group effects.</param>
    /// <param name="parameterFactor">Lower Cholesky factor of the parameters' covariance (row-major), or empty for fixed parameters.</param>
    /// <param name="globalSd">sg &gt;= 0.</param>
    /// <param name="blocSds">sb &gt;= 0 per bloc.</param>
    /// <param name="trials">Number of trials.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="stream">The roll call's random stream (0 .. 65535).</param>
    /// <param name="trialShifts">A shift of every member's latent support per trial (added to the global shock), or null for none.</param>
    public static Result Simulate(Members members, double[] parameterMean, double[] parameterFactor, double globalSd, double[] blocSds, int trials, ulong seed, int stream, double[]? trialShifts = null)
    {
        int n = members.Positions.Length, d = parameterMean.Length;
        var tallies = new Tallies(trials);
        var q = new double[d];
        var z = new double[d];
        var bloc = new double[blocSds.Length];
        stream &= 0xFFFF;
        for (int t = 0; t < trials; t++)
        {
            var random = new CounterRandom(seed, t);
            DrawParameters(random, stream, parameterMean, parameterFactor, q, z);
            double global = DrawShocks(random, stream, globalSd, blocSds, trialShifts, t, bloc);
            for (int i = 0; i < n; i++)
            {
                int vote = members.Fixed[i] >= 0 ? members.Fixed[i] : DrawVote(members, i, q, global, bloc, random, stream);
                if (vote >= 0)
                {
                    tallies.Add(t, vote);
                }
            }
        }

        return tallies.ToResult();
    }

    /// <summary>
    /// Trial <paramref name="trial"/>'s shared shocks as <see cref="Simulate"/> draws them: returns the common shift of
    /// every member's latent support (the global shock plus the trial's shift) and puts each bloc's shock in
    /// <paramref name="bloc"/> (one per entry of <paramref name="blocSds"/>).
    /// </summary>
    /// <param name="random">The trial's random numbers (<see cref="CounterRandom"/> of the simulation's seed and the trial).</param>
    /// <param name="stream">The roll call's random stream (0 .. 65535).</param>
    /// <param name="globalSd">sg &gt;= 0.</param>
    /// <param name="blocSds">sb &gt;= 0 per bloc.</param>
    /// <param name="trialShifts">The shifts per trial, or null for none.</param>
    /// <param name="trial">The trial's index into <paramref name="trialShifts"/>.</param>
    /// <param name="bloc">Receives the bloc shocks.</param>
    public static double DrawShocks(CounterRandom random, int stream, double globalSd, double[] blocSds, double[]? trialShifts, int trial, double[] bloc)
    {
        double global = globalSd > 0 ? globalSd * random.Normal(RandomPurpose.GlobalShock, stream, 0) : 0;
        if (trialShifts is not null)
        {
            global += trialShifts[trial];
        }

        for (int b = 0; b < bloc.Length; b++)
        {
            bloc[b] = blocSds[b] > 0 ? blocSds[b] * random.Normal(RandomPurpose.BlocShock, stream, b) : 0;
        }

        return global;
    }

    /// <summary>
    /// The trial's parameters in <paramref name="q"/>: the mean plus the factor times standard normals (cut-points that
    /// cross are set to their midpoint), or the mean itself for fixed parameters.
    /// </summary>
    private static void DrawParameters(CounterRandom random, int stream, double[] parameterMean, double[] parameterFactor, double[] q, double[] z)
    {
        int d = parameterMean.Length;
        Array.Copy(parameterMean, q, d);
        if (parameterFactor.Length == 0)
        {
            return;
        }

        for (int k = 0; k < d; k++)
        {
            z[k] = random.Normal(RandomPurpose.Position, stream, 1_000_000 + k);
        }

        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            for (int k = 0; k <= i; k++)
            {
                sum += parameterFactor[(i * d) + k] * z[k];
            }

            q[i] += sum;
        }

        if (q[2] < q[1])
        {
            (q[1], q[2]) = (0.5 * (q[1] + q[2]), 0.5 * (q[1] + q[2]));
        }
    }

    /// <summary>
    /// Member <paramref name="i"/>'s vote in one trial (an <see cref="OrdinalVote"/> as int), or -1 when absent: latent
    /// support with the trial's parameters, shocks and noise; a repeater's noise lies in its earlier vote's interval.
    /// </summary>
    private static int DrawVote(Members members, int i, double[] q, double global, double[] bloc, CounterRandom random, int stream)
    {
        if (members.Absence[i] > 0 && random.Uniform(RandomPurpose.Absence, stream, i) < members.Absence[i])
        {
            return -1;
        }

        double mean = (q[0] * members.Positions[i]) + members.Offsets[i];
        double latent = mean + global;
        for (int k = members.GroupOffsets[i]; k < members.GroupOffsets[i + 1]; k++)
        {
            latent += q[3 + members.GroupIndices[k]];
        }

        for (int k = members.BlocOffsets[i]; k < members.BlocOffsets[i + 1]; k++)
        {
            latent += bloc[members.BlocIndices[k]];
        }

        double sd = members.Sds[i];
        int repeat = members.RepeatVote[i];
        if (repeat >= 0 && random.Uniform(RandomPurpose.Position, stream, 2_000_000 + i) < members.RepeatProbability[i])
        {
            // A repeater keeps its stance: its noise lies in its earlier vote's interval, so only the shocks move it.
            double lower = repeat == (int)OrdinalVote.No ? double.NegativeInfinity : (repeat == (int)OrdinalVote.Abstain ? q[1] : q[2]) - mean;
            double upper = repeat == (int)OrdinalVote.Yes ? double.PositiveInfinity : (repeat == (int)OrdinalVote.No ? q[1] : q[2]) - mean;
            latent += sd * TruncatedNormal(lower / sd, upper / sd, random.Uniform(RandomPurpose.VoteNoise, stream, 3_000_000 + i));
        }
        else
        {
            latent += sd * random.Normal(RandomPurpose.VoteNoise, stream, i);
        }

        return latent < q[1] ? (int)OrdinalVote.No : latent >= q[2] ? (int)OrdinalVote.Yes : (int)OrdinalVote.Abstain;
    }

    /// <summary>
    /// A standard normal draw truncated to [a, b] by inversion of the uniform <paramref name="u"/>, computed on the
    /// side of the tail the interval lies in, so intervals far out in either tail keep their precision:
    /// x = Phi^-1(Phi(a) + u (Phi(b) - Phi(a))) when a &lt;= 0, and x = -Phi^-1(Q(b) + u (Q(a) - Q(b))) with
    /// Q = 1 - Phi when a &gt; 0 (there x falls as u rises; with u uniform the distribution is the same).
    /// The result is clamped to [a, b], which matters only where Q underflows (a beyond about 38).
    /// </summary>
    public static double TruncatedNormal(double a, double b, double u)
    {
        if (a > 0)
        {
            // Upper tail: invert Q between Q(b) and Q(a).
            double qa = NormalTail.UpperTail(a), qb = NormalTail.UpperTail(b);
            double q = qb + (u * (qa - qb));
            return Math.Clamp(-StandardNormal.InverseCdf(Math.Max(q, double.Epsilon)), a, b);
        }

        double pa = NormalTail.Cdf(a), pb = NormalTail.Cdf(b);
        double p = pa + (u * (pb - pa));
        return Math.Clamp(StandardNormal.InverseCdf(Math.Clamp(p, double.Epsilon, 1 - 1e-16)), a, b);
    }

    /// <summary>
    /// Simulates members voting independently: member i is absent with its probability, else draws e ~ N(0, 1) and
    /// votes no when e &lt; tau1_i, yes when e &gt;= tau2_i (so P(no) = Phi(tau1_i)); revealed votes are kept.
    /// </summary>
    public static Result SimulateIndependent(double[] tau1, double[] tau2, double[] absence, int[] fixedVotes, int trials, ulong seed, int stream)
    {
        int n = tau1.Length;
        var tallies = new Tallies(trials);
        stream &= 0xFFFF;
        for (int t = 0; t < trials; t++)
        {
            var random = new CounterRandom(seed, t);
            for (int i = 0; i < n; i++)
            {
                int vote = fixedVotes[i];
                if (vote < 0)
                {
                    if (absence[i] > 0 && random.Uniform(RandomPurpose.Absence, stream, i) < absence[i])
                    {
                        continue;
                    }

                    double e = random.Normal(RandomPurpose.VoteNoise, stream, i);
                    vote = e < tau1[i] ? (int)OrdinalVote.No : e >= tau2[i] ? (int)OrdinalVote.Yes : (int)OrdinalVote.Abstain;
                }

                tallies.Add(t, vote);
            }
        }

        return tallies.ToResult();
    }

    /// <summary>The yes, no and abstain counts of every trial; adopted means more yes than no.</summary>
    private sealed class Tallies(int trials)
    {
        private readonly int[] _yes = new int[trials], _no = new int[trials], _abstain = new int[trials];

        /// <summary>Counts one member's vote in trial <paramref name="trial"/> (an <see cref="OrdinalVote"/>; absence counts nowhere).</summary>
        public void Add(int trial, int vote)
        {
            switch (vote)
            {
                case (int)OrdinalVote.Yes: _yes[trial]++; break;
                case (int)OrdinalVote.No: _no[trial]++; break;
                case (int)OrdinalVote.Abstain: _abstain[trial]++; break;
                default: break;
            }
        }

        public Result ToResult()
        {
            int adopted = 0;
            for (int t = 0; t < _yes.Length; t++)
            {
                adopted += _yes[t] > _no[t] ? 1 : 0;
            }

            return new Result(_yes, _no, _abstain, (double)adopted / _yes.Length);
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> lies in the central <paramref name="level"/> range of the simulated counts:
    /// between the (1 - level) / 2 and (1 + level) / 2 quantiles, both included (quantile q = the smallest count
    /// whose empirical distribution function reaches q).
    /// </summary>
    public static bool Covers(int[] samples, int value, double level)
    {
        var sorted = (int[])samples.Clone();
        Array.Sort(sorted);
        int lower = sorted[Math.Clamp((int)Math.Ceiling(((1 - level) / 2 * sorted.Length) - 1e-9) - 1, 0, sorted.Length - 1)];
        int upper = sorted[Math.Clamp((int)Math.Ceiling(((1 + level) / 2 * sorted.Length) - 1e-9) - 1, 0, sorted.Length - 1)];
        return value >= lower && value <= upper;
    }
}
