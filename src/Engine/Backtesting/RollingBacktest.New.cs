using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The <c>new</c> protocol of the rolling backtest: a random 20% of the votes revealed, the rest forecast by the model and its baselines.</summary>
public sealed partial class RollingBacktest
{
    private RollCallOutcome? New(YearModel model, int rollCall)
    {
        var rc = data.RollCalls[rollCall];
        var members = MembersOf(model, rollCall);
        var present = Enumerable.Range(0, members.Length).Where(i => members[i].Recorded != VoteChoice.Absent).ToArray();
        if (present.Length < 10)
        {
            return null;
        }

        var revealed = Reveal(rc, members, present);
        var revealedList = revealed.Order().ToArray();
        var x = members.Select(m => YearModel.PositionOf(m.State, rc.Issues)).ToArray();
        var (probabilities, simulated) = NewStemsim(model, rc, members, x, revealed, revealedList);
        var always = members.Select(_ => (model.BaseRates[0], model.BaseRates[1], model.BaseRates[2])).ToArray();
        return Outcome("new", rollCall, members, revealed,
            ("stemsim", probabilities, simulated),
            ("always_yes", always, null),
            ("bloc_majority", BlocMajority(model, members, revealedList), null),
            ("bsv_1d", Bsv1d(model, members, revealedList), null));
    }

    /// <summary>Reveals a random 20%: the members with the smallest keys, each key a pure function of (seed, roll call, unit).</summary>
    private HashSet<int> Reveal(RollCallInfo rc, Member[] members, int[] present)
    {
        var random = new Engine.Randomness.CounterRandom(settings.Seed, (long)(Fnv(rc.Id) & 0x7FFFFFFFFFFFFFFF));
        int reveal = Math.Max(1, (int)Math.Round(RevealedShare * present.Length));
        return present.OrderBy(i => random.Uniform(Engine.Randomness.RandomPurpose.Position, 7, members[i].Unit)).Take(reveal).ToHashSet();
    }

    /// <summary>
    /// stemsim in the new protocol: every shock group (regional groups, EU, OIC, NAM) gets an effect learned from its
    /// revealed members, the forecasts averaged over the prior's components (<see cref="FitComponents"/>), and the counts
    /// simulated from the most probable component's Laplace posterior.
    /// </summary>
    private ((double, double, double)[] Probabilities, RollCallCountSimulator.Result Simulated) NewStemsim(YearModel model, RollCallInfo rc, Member[] members, double[] x, HashSet<int> revealed, int[] revealedList)
    {
        int groups = ShockBlocs.Names.Count;
        int d = 3 + groups;
        var (fits, posterior) = FitComponents(model, members, x, revealedList);
        double norm = posterior.Sum();
        var fit = fits[Array.IndexOf(posterior, posterior.Max())].Fit;
        var probabilities = new (double, double, double)[members.Length];
        var sds = new double[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            var m = members[i];
            double no = 0, abstain = 0, yes = 0;
            for (int k = 0; k < fits.Count; k++)
            {
                var f = fits[k].Fit;
                bool fine = f.Covariance.All(double.IsFinite);
                double beta = f.Parameters.Beta;
                double latent = (beta * x[i]) + m.Blocs.Sum(b => f.GroupEffects[b]);
                double own = 1 + (beta * beta * m.Variance);
                double v1 = fine ? Quadratic(f.Covariance, d, x[i], -1, 0, m.Blocs) : 0;
                double v2 = fine ? Quadratic(f.Covariance, d, x[i], 0, -1, m.Blocs) : 0;
                var p = Ordered(latent, f.Parameters.Tau1, f.Parameters.Tau2, Math.Sqrt(own + v1), Math.Sqrt(own + v2));
                double w = posterior[k] / norm;
                no += w * p.No;
                abstain += w * p.Abstain;
                yes += w * p.Yes;
            }

            probabilities[i] = (no, abstain, yes);
            sds[i] = Math.Sqrt(1 + (fit.Parameters.Beta * fit.Parameters.Beta * m.Variance));
        }

        // The count simulation draws from the most probable component's Laplace posterior.
        var covariance = fit.Covariance;
        bool usable = covariance.All(double.IsFinite);
        var mean = new double[d];
        mean[0] = fit.Parameters.Beta;
        mean[1] = fit.Parameters.Tau1;
        mean[2] = fit.Parameters.Tau2;
        Array.Copy(fit.GroupEffects, 0, mean, 3, groups);
        var factor = usable ? CholeskyFactor(covariance, d) : [];
        var simulated = RollCallCountSimulator.Simulate(
            Simulation(members, x, sds, revealed, blocsAsEffects: true),
            mean, factor, 0, [], settings.Trials, Seed(rc), Stream(rc));
        return (probabilities, simulated);
    }

    /// <summary>
    /// The prior is a mixture (texts the United States' side supports or opposes): fit under each component, and weigh
    /// the fits by their unnormalised posterior weights (Bayesian model averaging; each evidence by the Laplace
    /// approximation log p(y | k) = log posterior at the MAP + log|Sigma| / 2 + the prior's normalisation), scaled so
    /// that the largest is 1.
    /// </summary>
    private static (List<(GroupedRollCallFitter.Fit Fit, double Evidence)> Fits, double[] Posterior) FitComponents(YearModel model, Member[] members, double[] x, int[] revealedList)
    {
        var groupSds = model.BlocSds.Select(sd => Math.Max(0.05, sd)).ToArray();
        int d = 3 + ShockBlocs.Names.Count;
        var fits = new List<(GroupedRollCallFitter.Fit Fit, double Evidence)>();
        foreach (var (prior, weight) in model.Prior)
        {
            var candidate = GroupedRollCallFitter.Run(
                revealedList.Select(i => x[i]).ToArray(),
                revealedList.Select(i => members[i].Blocs).ToArray(),
                revealedList.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(),
                groupSds,
                prior,
                model.Run.Options.MinimumCutpointGap);
            var candidateFactor = candidate.Covariance.All(double.IsFinite) ? CholeskyFactor(candidate.Covariance, d) : [];
            double logDet = candidateFactor.Length == 0 ? 0 : 2 * Enumerable.Range(0, d).Sum(k => Math.Log(candidateFactor[(k * d) + k]));
            double evidence = candidate.LogPosterior + Math.Log(weight) + (0.5 * logDet)
                + (0.5 * Math.Log(Math.Max(1e-300, prior.Precision.Beta * prior.Precision.Tau1 * prior.Precision.Tau2)));
            fits.Add((candidate, evidence));
        }

        double top = fits.Max(f => f.Evidence);
        return (fits, fits.Select(f => Math.Exp(f.Evidence - top)).ToArray());
    }

    /// <summary>bloc_majority: the group's majority among the revealed votes.</summary>
    private static (double, double, double)[] BlocMajority(YearModel model, Member[] members, int[] revealedList)
    {
        var blocMajority = new (double, double, double)[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            var counts = new double[3];
            var same = revealedList.Where(k => members[k].Group == members[i].Group && members[i].Group >= 0).ToArray();
            foreach (int k in same.Length > 0 ? same : revealedList)
            {
                counts[(int)VoteIndex.Ordinal(members[k].Recorded)]++;
            }

            double n = counts.Sum();
            int winner = counts[2] >= counts[0] && counts[2] >= counts[1] ? 2 : counts[0] >= counts[1] ? 0 : 1;

            // Add-one smoothing towards the base rates keeps the majority class the most probable one.
            var smoothed = new double[3];
            for (int c = 0; c < 3; c++)
            {
                smoothed[c] = (counts[c] + model.BaseRates[c]) / (n + 1);
            }

            if (ForecastMetrics.Predict(smoothed[0], smoothed[1], smoothed[2]) != winner)
            {
                smoothed[winner] += 1e-9;
            }

            blocMajority[i] = (smoothed[0], smoothed[1], smoothed[2]);
        }

        return blocMajority;
    }

    /// <summary>bsv_1d: one-dimensional ordered probit on the previous session's BSV ideal points.</summary>
    private (double, double, double)[] Bsv1d(YearModel model, Member[] members, int[] revealedList)
    {
        int session = Math.Min(model.TestYear - 1946, 74);
        var bsvX = members.Select(m => BsvPoint(data.Units[m.Unit], session)).ToArray();
        var bsvFit = RollCallFitter.Run(
            revealedList.Select(i => bsvX[i]).ToArray(),
            revealedList.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(),
            RollCallPrior.Centred(model.Run.Options.DiscriminationSd, model.Run.Options.CutpointSd),
            RollCallFitter.Start(revealedList.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(), model.Run.Options.MinimumCutpointGap),
            model.Run.Options.MinimumCutpointGap,
            withCovariance: true);
        var bsv = new (double, double, double)[members.Length];
        bool bsvUsable = bsvFit.Covariance.All(double.IsFinite);
        for (int i = 0; i < members.Length; i++)
        {
            var q = bsvFit.Parameters;
            double v1 = bsvUsable ? Quadratic(bsvFit.Covariance, 3, bsvX[i], -1, 0, []) : 0;
            double v2 = bsvUsable ? Quadratic(bsvFit.Covariance, 3, bsvX[i], 0, -1, []) : 0;
            bsv[i] = Ordered(q.Beta * bsvX[i], q.Tau1, q.Tau2, Math.Sqrt(1 + v1), Math.Sqrt(1 + v2));
        }

        return bsv;
    }

    private double BsvPoint(string unit, int session)
    {
        for (int s = session; s >= session - 3; s--)
        {
            if (data.BsvIdealPoints.TryGetValue((unit, s), out double point))
            {
                return point;
            }
        }

        return 0;
    }
}
