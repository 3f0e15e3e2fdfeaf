using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The conditioning backtest on the study's roll calls (<see cref="AnalogRevealForecast"/>).</summary>
public sealed partial class AnalogSpreadStudy
{
    /// <summary>
    /// Forecasts every whole-text roll call of <paramref name="testYear"/> from an analog of each studied kind with the
    /// kind's shipped shape (<see cref="AnalogSpreads"/>: repeat anchored on the analog's count with its mixture,
    /// same_subject and same_issue drawn from their population), on the same random numbers as <see cref="Forecast"/>;
    /// for each of <paramref name="revealed"/> (unit indices) that voted in the roll call, scores the others with its
    /// vote given, fixed and unknown. Returns those cases and, per roll call and kind, the shipped shape's ranges with
    /// nobody revealed (an <see cref="AnalogCase"/> whose only spread is that shape).
    /// </summary>
    public (IReadOnlyList<AnalogRevealCase> Revealed, IReadOnlyList<AnalogCase> Shipped) Reveal(YearModel model, int testYear, IReadOnlyList<int> revealed, CancellationToken cancellationToken)
    {
        var jobs = Jobs(model, testYear);
        var results = new (AnalogRevealCase[] Revealed, AnalogCase Shipped)[jobs.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, jobs.Length, parallel, k => results[k] = RevealOne(model, testYear, jobs[k].RollCall, jobs[k].Kind, jobs[k].Analog, revealed));
        return (results.SelectMany(r => r.Revealed).ToArray(), results.Select(r => r.Shipped).ToArray());
    }

    private (AnalogRevealCase[] Revealed, AnalogCase Shipped) RevealOne(YearModel model, int testYear, int rollCall, AnalogKind kind, int analogIndex, IReadOnlyList<int> revealed)
    {
        var rc = data.RollCalls[rollCall];
        var analog = AnalogParameters(model, analogIndex);
        var expected = votes.Of(rollCall).ToArray();
        var members = ForecastMembers(model, testYear, expected, data.RollCalls[analogIndex], analog);
        ulong key = Fnv(rc.Id);
        var (used, shape) = ShippedShape(members, analog, analogIndex, kind);
        var sizes = shocks ?? model.PlainShocks;
        double[] parameters = [analog.Beta, analog.Tau1, analog.Tau2];
        var pick = PickUniforms(key);
        int actual = expected.Count(v => v.Choice == VoteChoice.Yes);
        int analogYes = votes.Of(analogIndex).Count(v => v.Choice == VoteChoice.Yes);
        var cases = new List<AnalogRevealCase>();
        CountInterval[]? shipped = null;
        foreach (int unit in revealed)
        {
            int i = Array.FindIndex(expected, v => v.Unit == unit);
            if (i < 0 || expected[i].Choice == VoteChoice.Absent)
            {
                continue;
            }

            var result = AnalogRevealForecast.Forecast(used, parameters, shape, sizes[0], sizes[1..], pick, i, expected[i].Choice, settings.Seed ^ key, (int)(key & 0xFFFF));
            var others = Enumerable.Range(0, expected.Length).Where(j => j != i && expected[j].Choice != VoteChoice.Absent).ToArray();
            var unknownRanges = RangesOf(result.UnknownYes);
            shipped ??= unknownRanges;
            cases.Add(new AnalogRevealCase(
                kind, testYear, rc.Id, data.Units[unit], actual, VoteIndex.Ordinal(expected[i].Choice),
                others.Select(j => VoteIndex.Ordinal(expected[j].Choice)).ToArray(),
                others.Select(j => result.Given[j]).ToArray(),
                others.Select(j => result.Unknown[j]).ToArray(),
                Levels.Select(l => AnalogRevealForecast.WeightedCentral(result.FixedYes, result.Weights, l)).ToArray(),
                RangesOf(result.FixedYes),
                unknownRanges,
                result.MeanLikelihood,
                result.EffectiveShare));
        }

        // With nobody revealed who voted, the shipped shape's ranges come from a simulation with nobody revealed.
        shipped ??= RangesOf(AnalogRevealForecast.YesCounts(used, parameters, shape, sizes[0], sizes[1..], pick, settings.Seed ^ key, (int)(key & 0xFFFF)));
        return (cases.ToArray(), new AnalogCase(kind, testYear, rc.Id, data.RollCalls[analogIndex].Id, actual, analogYes, [shipped]));
    }

    /// <summary>
    /// The kind's shipped shape: the members (anchored on the analog's count when the kind anchors) and the shift, a
    /// population's anchor shifts as an empirical distribution with the kind's jitter.
    /// </summary>
    private (Calibration.RollCallCountSimulator.Members Members, AnalogShiftDistribution Shape) ShippedShape(Calibration.RollCallCountSimulator.Members members, Calibration.RollCallParameters analog, int analogIndex, AnalogKind kind)
    {
        int sessions = AnalogSpreads.PopulationSessions(kind);
        if (sessions > 0)
        {
            var offsets = PopulationShifts(members, analog, analogIndex, kind)[PopulationSessionsIndex(sessions)];
            return (members, AnalogShiftDistribution.Empirical(offsets, AnalogSpreads.Of(kind).PopulationJitter.JitterFor(offsets)));
        }

        if (!AnalogSpreads.AnchorsOnCount(kind))
        {
            return (members, AnalogSpreads.Shift(kind));
        }

        int n = members.Positions.Length;
        int analogYes = votes.Of(analogIndex).Count(v => v.Choice == VoteChoice.Yes);
        double anchor = AnalogAnchor.Shift(members.Positions.Select(x => analog.Beta * x).ToArray(), members.Sds, Enumerable.Repeat(analog.Tau2, n).ToArray(), members.Absence, 0, analogYes);
        return (members with { Offsets = Enumerable.Repeat(anchor, n).ToArray() }, AnalogSpreads.Shift(kind));
    }
}
