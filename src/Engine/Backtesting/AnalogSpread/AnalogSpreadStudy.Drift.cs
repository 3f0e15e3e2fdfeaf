using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The trend-aware population draws of the study (docs/calibration.md, "Round 8"; <see cref="PopulationDrift"/>).</summary>
public sealed partial class AnalogSpreadStudy
{
    /// <summary>Fixed jitters of the trend-aware population draws.</summary>
    private static readonly double[] DriftJitters = [0, 0.6, 1.0];

    /// <summary>Shares λ of the estimated drift the trend-aware population draws apply.</summary>
    private static readonly double[] DriftShrinks = [0.5, 1.0];

    /// <summary>The trend-aware population draws: each drift source, K = 2 and 3 sessions, each λ and fixed jitter.</summary>
    private static IEnumerable<Simulation> DriftSimulations()
    {
        foreach (var drift in new[] { PopulationDrift.Source.Population, PopulationDrift.Source.Assembly })
        {
            foreach (int k in BandwidthSessions)
            {
                foreach (double lambda in DriftShrinks)
                {
                    foreach (double s in DriftJitters)
                    {
                        yield return new Simulation(FormattableString.Invariant($"population {k} sessions {s:F2} drift={drift.ToString().ToLowerInvariant()} lambda={lambda:F2}"), s, false, 0, false, k, Drift: drift, Shrink: lambda);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Per <see cref="PopulationSessions"/>: the population's anchor shifts moved by each drift the trend-aware
    /// simulations use (round 8), keyed by source and λ; the estimates use sessions <paramref name="session"/> − 1 and − 2 only.
    /// </summary>
    private Dictionary<(PopulationDrift.Source, double), double[][]> Drifts(RollCallCountSimulator.Members members, RollCallParameters analog, int analogIndex, AnalogKind kind, int session)
    {
        int n = members.Positions.Length;
        var means = members.Positions.Select(x => analog.Beta * x).ToArray();
        var yesFrom = Enumerable.Repeat(analog.Tau2, n).ToArray();
        var shifts = new Dictionary<int, double>();
        double Anchor(int r) => shifts.TryGetValue(r, out double d) ? d
            : shifts[r] = AnalogAnchor.Shift(means, members.Sds, yesFrom, members.Absence, 0, votes.Of(r).Count(v => v.Choice == VoteChoice.Yes));

        var texts = PopulationSessions.Select(k => chooser.Population(analogIndex, kind, k).Where(r => Present(r) >= MinimumPresent).ToArray()).ToArray();
        var before = texts.Select(t => t.Select(r => session - data.RollCalls[r].Session).ToArray()).ToArray();
        var anchors = texts.Select(t => t.Select(Anchor).ToArray()).ToArray();
        var result = new Dictionary<(PopulationDrift.Source, double), double[][]>();
        foreach (var sim in _simulations.Where(s => s.Drift != PopulationDrift.Source.None))
        {
            if (result.ContainsKey((sim.Drift, sim.Shrink)))
            {
                continue;
            }

            double drift = sim.Drift switch
            {
                // The populations of every K share the two sessions before the forecast; the largest holds them all.
                PopulationDrift.Source.Population => PopulationDrift.WithinPopulation(anchors[^1], before[^1]),
                PopulationDrift.Source.Assembly => PopulationDrift.MedianChange(chooser.RecurringPairs(session - 1)
                    .Where(p => Present(p.Newer) >= MinimumPresent && Present(p.Older) >= MinimumPresent)
                    .Select(p => (Anchor(p.Newer), Anchor(p.Older))).ToArray()),
                _ => throw new InvalidOperationException($"Unknown drift source {sim.Drift}."),
            };
            result[(sim.Drift, sim.Shrink)] = anchors.Select((a, k) => PopulationDrift.Apply(a, before[k], drift, sim.Shrink)).ToArray();
        }

        return result;
    }
}
