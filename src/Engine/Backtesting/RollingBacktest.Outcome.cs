using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The rolling backtest's outcome of one roll call: each model's forecast of the scored members and the coverage of its simulated counts.</summary>
public sealed partial class RollingBacktest
{
    private RollCallOutcome Outcome(string protocol, int rollCall, Member[] members, HashSet<int>? revealed, params (string Model, (double No, double Abstain, double Yes)[] Probabilities, RollCallCountSimulator.Result? Simulated)[] models)
    {
        var rc = data.RollCalls[rollCall];
        int yes = members.Count(m => m.Recorded == VoteChoice.Yes);
        int no = members.Count(m => m.Recorded == VoteChoice.No);
        int abstain = members.Count(m => m.Recorded == VoteChoice.Abstain);
        var scored = Enumerable.Range(0, members.Length).Where(i => members[i].Recorded != VoteChoice.Absent && (revealed is null || !revealed.Contains(i))).ToArray();
        var forecasts = new List<ModelForecast>();
        foreach (var (name, probabilities, simulatedOrNull) in models)
        {
            var simulated = simulatedOrNull ?? SimulateIndependent(members, probabilities, revealed, rc);
            int[] recorded = [yes, no, abstain];
            int[][] samples = [simulated.Yes, simulated.No, simulated.Abstain];
            var covered80 = new bool[3];
            var covered95 = new bool[3];
            for (int c = 0; c < 3; c++)
            {
                covered80[c] = RollCallCountSimulator.Covers(samples[c], recorded[c], 0.80);
                covered95[c] = RollCallCountSimulator.Covers(samples[c], recorded[c], 0.95);
            }

            forecasts.Add(new ModelForecast(
                name,
                scored.Select(i => probabilities[i]).ToArray(),
                scored.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(),
                covered80,
                covered95,
                simulated.PAdopted));
        }

        return new RollCallOutcome(protocol, yes > no, forecasts.ToArray());
    }

    /// <summary>Independent members: each votes from its own probabilities (no shared shocks).</summary>
    private RollCallCountSimulator.Result SimulateIndependent(Member[] members, (double No, double Abstain, double Yes)[] probabilities, HashSet<int>? revealed, RollCallInfo rc)
    {
        int n = members.Length;
        var tau1 = new double[n];
        var tau2 = new double[n];
        for (int i = 0; i < n; i++)
        {
            var (no, abstain, _) = probabilities[i];
            tau1[i] = Engine.Randomness.StandardNormal.InverseCdf(Math.Clamp(no, 1e-12, 1 - 1e-12));
            tau2[i] = Engine.Randomness.StandardNormal.InverseCdf(Math.Clamp(no + abstain, 1e-12, 1 - 1e-12));
        }

        return RollCallCountSimulator.SimulateIndependent(tau1, tau2, members.Select(m => m.Absence).ToArray(), Fixed(members, revealed), settings.Trials, Seed(rc) ^ 0x5DEECE66DUL, Stream(rc));
    }

    /// <summary>
    /// The simulator's members: with <paramref name="blocsAsEffects"/> the members' shock groups are effects in the
    /// parameter vector (drawn from the fit's posterior), otherwise independent bloc shocks.
    /// </summary>
    private static RollCallCountSimulator.Members Simulation(Member[] members, double[] positions, double[] sds, HashSet<int>? revealed, bool blocsAsEffects = false, (int[] Vote, double[] Probability)? repeat = null)
    {
        int n = members.Length;
        var offsets = new int[n + 1];
        var indices = new List<int>();
        for (int i = 0; i < n; i++)
        {
            indices.AddRange(members[i].Blocs);
            offsets[i + 1] = indices.Count;
        }

        var none = new int[n + 1];
        return new RollCallCountSimulator.Members(
            positions, new double[n], sds,
            blocsAsEffects ? offsets : none, blocsAsEffects ? indices.ToArray() : [],
            members.Select(m => m.Absence).ToArray(), Fixed(members, revealed),
            blocsAsEffects ? none : offsets, blocsAsEffects ? [] : indices.ToArray(),
            repeat?.Vote ?? Enumerable.Repeat(-1, n).ToArray(), repeat?.Probability ?? new double[n]);
    }

    private static int[] Fixed(Member[] members, HashSet<int>? revealed) =>
        members.Select((m, i) => revealed is not null && revealed.Contains(i) ? (int)VoteIndex.Ordinal(m.Recorded) : -1).ToArray();
}
