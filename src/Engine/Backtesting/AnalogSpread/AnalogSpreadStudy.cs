using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// Simulates the yes count of each whole-text roll call of a test year from an analog of each <see cref="AnalogKind"/>
/// (<see cref="AnalogChooser"/>) the way a scenario's <c>like:</c> does: the analog's (beta, tau_1, tau_2), each
/// member's position forecast for the year from a calibration on earlier years only (with the analog's issue areas and
/// its standard error), the calibrated absence rates, the calibrated global and bloc shocks, plus the analog shift
/// N(0, spread^2), for every spread of a grid with common random numbers. <paramref name="shocks"/>, when given
/// (global, then one per <see cref="ShockBlocs.Names"/>), replaces the calibration's shock sizes for every year (the
/// sizes a scenario's <c>shocks: calibrated</c> takes).
/// </summary>
/// <remarks>
/// The analog shift moves every member's latent support by one draw per trial, like the global shock, so a spread s
/// is simulated as a global shock of sd sqrt(g^2 + s^2). An analog the calibration did not fit (its year lies after
/// the training years when origins are fitted every other year) gets (beta, tau_1, tau_2) from its own recorded votes
/// on the positions forecast for its year (<see cref="RollCallFitter"/>, the calibration's prior).
/// </remarks>
public sealed class AnalogSpreadStudy(UnVotingData data, ShockBlocs blocs, VoteIndex votes, AnalogChooser chooser, BacktestSettings settings, IReadOnlyList<double> spreads, double[]? shocks = null)
{
    /// <summary>The central levels whose ranges are kept.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.5, 0.8, 0.9, 0.95];

    /// <summary>Fewest present votes for a roll call to be forecast or used as an analog.</summary>
    public const int MinimumPresent = 10;

    /// <summary>The candidate spreads.</summary>
    public IReadOnlyList<double> Spreads => spreads;

    /// <summary>Forecasts every whole-text roll call of <paramref name="testYear"/> with analogs of each kind, from <paramref name="model"/>.</summary>
    public IReadOnlyList<AnalogCase> Forecast(YearModel model, int testYear, CancellationToken cancellationToken)
    {
        if (model.Run.LastYear >= testYear)
        {
            throw new ArgumentException($"The calibration runs to {model.Run.LastYear}; it may not see the test year {testYear}.", nameof(model));
        }

        var kinds = Enum.GetValues<AnalogKind>();
        var jobs = Enumerable.Range(0, data.RollCalls.Count)
            .Where(r => data.RollCalls[r].Year == testYear && AnalogChooser.IsWholeText(data.RollCalls[r]) && Present(r) >= MinimumPresent)
            .SelectMany(r => kinds.Select(k => (RollCall: r, Kind: k, Analog: chooser.Choose(r, k))))
            .Where(j => j.Analog >= 0 && data.RollCalls[j.Analog].Year < testYear && Present(j.Analog) >= MinimumPresent)
            .ToArray();
        var results = new AnalogCase?[jobs.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, jobs.Length, parallel, k => results[k] = Simulate(model, testYear, jobs[k].RollCall, jobs[k].Kind, jobs[k].Analog));
        return results.OfType<AnalogCase>().ToArray();
    }

    private int Present(int rollCall) => votes.Of(rollCall).Count(v => v.Choice != VoteChoice.Absent);

    private AnalogCase Simulate(YearModel model, int testYear, int rollCall, AnalogKind kind, int analogIndex)
    {
        var rc = data.RollCalls[rollCall];
        var analogInfo = data.RollCalls[analogIndex];
        var analog = AnalogParameters(model, analogIndex);
        var expected = votes.Of(rollCall).ToArray();
        int n = expected.Length;
        var positions = new double[n];
        var sds = new double[n];
        var absence = new double[n];
        var offsets = new int[n + 1];
        var indices = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var (state, variance, absent) = model.ForecastFor(expected[i].Unit, testYear);
            positions[i] = YearModel.PositionOf(state, analogInfo.Issues);
            sds[i] = Math.Sqrt(1 + (analog.Beta * analog.Beta * variance));
            absence[i] = absent;
            indices.AddRange(blocs.Of(data.Units[expected[i].Unit], testYear));
            offsets[i + 1] = indices.Count;
        }

        var none = new int[n + 1];
        var members = new RollCallCountSimulator.Members(
            positions, new double[n], sds, none, [], absence, Enumerable.Repeat(-1, n).ToArray(), offsets, indices.ToArray(),
            Enumerable.Repeat(-1, n).ToArray(), new double[n]);
        double[] parameters = [analog.Beta, analog.Tau1, analog.Tau2];
        var sizes = shocks ?? model.PlainShocks;
        double global = sizes[0];
        var blocSds = sizes[1..];
        ulong key = Fnv(rc.Id);
        var ranges = new CountInterval[spreads.Count][];
        for (int s = 0; s < spreads.Count; s++)
        {
            double sd = Math.Sqrt((global * global) + (spreads[s] * spreads[s]));

            // The same seed for every spread and kind: common random numbers make the scores smooth in the spread.
            var simulated = RollCallCountSimulator.Simulate(members, parameters, [], sd, blocSds, settings.Trials, settings.Seed ^ key, (int)(key & 0xFFFF));
            var sorted = simulated.Yes;
            Array.Sort(sorted);
            ranges[s] = Levels.Select(l => CountInterval.Central(sorted, l)).ToArray();
        }

        int actual = expected.Count(v => v.Choice == VoteChoice.Yes);
        int analogYes = votes.Of(analogIndex).Count(v => v.Choice == VoteChoice.Yes);
        return new AnalogCase(kind, testYear, rc.Id, analogInfo.Id, actual, analogYes, ranges);
    }

    /// <summary>The analog's calibrated parameters, or a fit on its recorded votes when the calibration ends before its year.</summary>
    private RollCallParameters AnalogParameters(YearModel model, int analog)
    {
        var run = model.Run;
        if (run.RollCallMap[analog] >= 0)
        {
            return run.Result.RollCalls[run.RollCallMap[analog]];
        }

        var info = data.RollCalls[analog];
        var present = votes.Of(analog).Where(v => v.Choice != VoteChoice.Absent).ToArray();
        var x = present.Select(v => YearModel.PositionOf(model.ForecastFor(v.Unit, info.Year).State, info.Issues)).ToArray();
        var y = present.Select(v => VoteIndex.Ordinal(v.Choice)).ToArray();
        var options = run.Options;
        return RollCallFitter.Run(x, y, RollCallPrior.Centred(options.DiscriminationSd, options.CutpointSd), RollCallFitter.Start(y, options.MinimumCutpointGap), options.MinimumCutpointGap).Parameters;
    }

    private static ulong Fnv(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
