using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The <c>recurring</c> protocol of the rolling backtest: a repeated resolution forecast from its analog and each member's earlier vote.</summary>
public sealed partial class RollingBacktest
{
    private RollCallOutcome? Recurring(YearModel model, int rollCall)
    {
        int p = _previous[rollCall];
        var run = model.Run;
        if (p < 0 || run.RollCallMap[p] < 0)
        {
            return null;
        }

        var rc = data.RollCalls[rollCall];
        var analog = run.Result.RollCalls[run.RollCallMap[p]];
        var members = MembersOf(model, rollCall);
        var shocks = model.RecurringShocks;
        var f = RecurringForecasts(model, rc, analog, members, _votes.Of(p).ToDictionary(v => v.Unit, v => v.Choice));
        var repeatMembers = Simulation(members, f.Positions, f.Sds, null, repeat: (f.RepeatVote, f.RepeatProbability));
        var analogMembers = Simulation(members, f.Positions, f.Sds, null);
        double[] parameters = [analog.Beta, analog.Tau1, analog.Tau2];
        var simulated = RollCallCountSimulator.Simulate(repeatMembers, parameters, [], shocks[0], shocks[1..], settings.Trials, Seed(rc), Stream(rc));
        var analogSimulated = RollCallCountSimulator.Simulate(analogMembers, parameters, [], model.PlainShocks[0], model.PlainShocks[1..], settings.Trials, Seed(rc) ^ 0xA5A5UL, Stream(rc));
        int yes = members.Count(m => m.Recorded == VoteChoice.Yes), no = members.Count(m => m.Recorded == VoteChoice.No), abstain = members.Count(m => m.Recorded == VoteChoice.Abstain);
        var always = members.Select(_ => (model.BaseRates[0], model.BaseRates[1], model.BaseRates[2])).ToArray();
        return Outcome("recurring", rollCall, members, null,
            ("stemsim", f.Mixed, simulated),
            ("stemsim_analog", f.AnalogOnly, analogSimulated),
            ("always_yes", always, null),
            ("persistence", f.Persistence, null)) with
        {
            AnalogDeviations = [new CoverageCase(analogMembers, parameters, model.BlocSds, yes, no, abstain, Seed(rc) ^ 0x5A5AUL, Stream(rc))],
            RepeatDeviations = [new CoverageCase(repeatMembers, parameters, model.BlocSds, yes, no, abstain, Seed(rc) ^ 0x3C3CUL, Stream(rc))],
        };
    }

    /// <summary>The recurring protocol's per-member forecasts from the analog and the member's earlier vote.</summary>
    private sealed record RecurringMembers(double[] Positions, double[] Sds, int[] RepeatVote, double[] RepeatProbability, (double, double, double)[] Mixed, (double, double, double)[] AnalogOnly, (double, double, double)[] Persistence);

    /// <summary>
    /// stemsim: analog + position forecast + shocks, mixed with the member's earlier vote (<see cref="RepeatMixture"/>);
    /// the analog alone with the plain shocks; and persistence (the earlier vote's transition row, or the base rates).
    /// </summary>
    private static RecurringMembers RecurringForecasts(YearModel model, RollCallInfo rc, RollCallParameters analog, Member[] members, Dictionary<int, VoteChoice> previousVotes)
    {
        int n = members.Length;
        var shocks = model.RecurringShocks;
        var f = new RecurringMembers(new double[n], new double[n], new int[n], new double[n], new (double, double, double)[n], new (double, double, double)[n], new (double, double, double)[n]);
        for (int i = 0; i < n; i++)
        {
            var m = members[i];
            f.Positions[i] = YearModel.PositionOf(m.State, rc.Issues);
            f.Sds[i] = Math.Sqrt(1 + (analog.Beta * analog.Beta * m.Variance));
            double total = Math.Sqrt((f.Sds[i] * f.Sds[i]) + YearModel.ShockVariance(shocks, m.Blocs));
            var plain = Ordered(analog.Beta * f.Positions[i], analog.Tau1, analog.Tau2, total, total);
            double totalPlain = Math.Sqrt((f.Sds[i] * f.Sds[i]) + YearModel.ShockVariance(model.PlainShocks, m.Blocs));
            f.AnalogOnly[i] = Ordered(analog.Beta * f.Positions[i], analog.Tau1, analog.Tau2, totalPlain, totalPlain);
            f.RepeatVote[i] = -1;
            if (previousVotes.TryGetValue(m.Unit, out var before) && before != VoteChoice.Absent)
            {
                var previousOrdinal = VoteIndex.Ordinal(before);
                f.RepeatVote[i] = (int)previousOrdinal;
                f.RepeatProbability[i] = model.RepeatProbability[(int)previousOrdinal];
                f.Mixed[i] = RepeatMixture.Mix(f.RepeatProbability[i], previousOrdinal, plain.No, plain.Abstain, plain.Yes);
                f.Persistence[i] = Row(model.Transitions, (int)previousOrdinal);
            }
            else
            {
                f.Mixed[i] = plain;
                f.Persistence[i] = (model.BaseRates[0], model.BaseRates[1], model.BaseRates[2]);
            }
        }

        return f;
    }
}
