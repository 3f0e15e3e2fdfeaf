using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The conditioning backtest of the rolling backtest: one member's recorded vote revealed on top of the <c>new</c> protocol's 20%.</summary>
public sealed partial class RollingBacktest
{
    /// <summary>
    /// The conditioning backtest (<see cref="RevealedVoteForecast"/>): on a test roll call of the <c>new</c> protocol at
    /// which <paramref name="code"/> voted and is not among the revealed 20%, its recorded vote is revealed as well and the
    /// other predicted members are forecast with it given (conditioning), fixed (intervention) and unknown, from the same
    /// draws of the fit's posterior (the model-averaged components, each a Laplace normal). Null for other roll calls.
    /// </summary>
    private RollCallOutcome? Revealed(YearModel model, int rollCall, string code)
    {
        var rc = data.RollCalls[rollCall];
        var members = MembersOf(model, rollCall);
        var present = Enumerable.Range(0, members.Length).Where(i => members[i].Recorded != VoteChoice.Absent).ToArray();
        int target = Array.FindIndex(members, m => data.Units[m.Unit] == code);
        if (present.Length < 10 || target < 0 || members[target].Recorded == VoteChoice.Absent)
        {
            return null;
        }

        var revealed = Reveal(rc, members, present);
        if (revealed.Contains(target))
        {
            return null;
        }

        var revealedList = revealed.Order().ToArray();
        var x = members.Select(m => YearModel.PositionOf(m.State, rc.Issues)).ToArray();
        var (fits, posterior) = FitComponents(model, members, x, revealedList);
        ulong seed = Seed(rc) ^ 0x6A09E667F3BCC908UL;
        var draws = PosteriorDraws(PosteriorComponents(fits), posterior, seed);
        var inputs = new RevealedVoteForecast.Inputs(
            x,
            members.Select(m => m.Variance).ToArray(),
            members.Select(m => m.Blocs).ToArray(),
            members.Select(m => m.Absence).ToArray(),
            Fixed(members, revealed),
            members.Select(m => m.Recorded == VoteChoice.Absent ? -1 : (int)VoteIndex.Ordinal(m.Recorded)).ToArray(),
            target);
        var result = RevealedVoteForecast.Forecast(inputs, draws, seed, Stream(rc));
        return RevealedOutcome(code, members, present.Where(i => !revealed.Contains(i) && i != target).ToArray(), result);
    }

    /// <summary>Each fitted component's mean (beta, tau_1, tau_2, group effects) and the Cholesky factor of its covariance (empty when unusable).</summary>
    private static (double[] Mean, double[] Factor)[] PosteriorComponents(List<(GroupedRollCallFitter.Fit Fit, double Evidence)> fits)
    {
        int d = 3 + ShockBlocs.Names.Count;
        return fits.Select(f =>
        {
            var mean = new double[d];
            mean[0] = f.Fit.Parameters.Beta;
            mean[1] = f.Fit.Parameters.Tau1;
            mean[2] = f.Fit.Parameters.Tau2;
            Array.Copy(f.Fit.GroupEffects, 0, mean, 3, f.Fit.GroupEffects.Length);
            return (Mean: mean, Factor: f.Fit.Covariance.All(double.IsFinite) ? CholeskyFactor(f.Fit.Covariance, d) : []);
        }).ToArray();
    }

    /// <summary>
    /// One draw per trial of the model-averaged posterior: a component picked by its weight in <paramref name="posterior"/>,
    /// then its Laplace normal; every draw a pure function of (<paramref name="seed"/>, trial).
    /// </summary>
    private double[][] PosteriorDraws((double[] Mean, double[] Factor)[] components, double[] posterior, ulong seed)
    {
        int d = 3 + ShockBlocs.Names.Count;
        double norm = posterior.Sum();
        var draws = new double[settings.Trials][];
        for (int j = 0; j < draws.Length; j++)
        {
            var random = new CounterRandom(seed, j);
            double u = random.Uniform(RandomPurpose.Position, 9, 0) * norm;
            int k = 0;
            while (k < posterior.Length - 1 && u >= posterior[k])
            {
                u -= posterior[k];
                k++;
            }

            var (mean, factor) = components[k];
            var theta = (double[])mean.Clone();
            if (factor.Length > 0)
            {
                var z = Enumerable.Range(0, d).Select(c => random.Normal(RandomPurpose.Position, 9, 1 + c)).ToArray();
                for (int a = 0; a < d; a++)
                {
                    for (int b = 0; b <= a; b++)
                    {
                        theta[a] += factor[(a * d) + b] * z[b];
                    }
                }
            }

            draws[j] = theta;
        }

        return draws;
    }

    /// <summary>The three ways (given, fixed, unknown) scored on the <paramref name="scored"/> members, with the conditioning diagnostics.</summary>
    private static RollCallOutcome RevealedOutcome(string code, Member[] members, int[] scored, RevealedVoteForecast.Result result)
    {
        var actual = scored.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray();
        ModelForecast Scored(string name, RevealedVoteForecast.Way way) =>
            new(name, scored.Select(i => way.Probabilities[i]).ToArray(), actual, way.Covered80, way.Covered95, way.PAdopted);
        bool adopted = members.Count(m => m.Recorded == VoteChoice.Yes) > members.Count(m => m.Recorded == VoteChoice.No);
        return new RollCallOutcome($"reveal_{code.ToLowerInvariant()}", adopted, [Scored("given", result.Given), Scored("fixed", result.Fixed), Scored("unknown", result.Unknown)])
        {
            MeanLikelihood = result.MeanLikelihood,
            EffectiveShare = result.EffectiveShare,
        };
    }
}
