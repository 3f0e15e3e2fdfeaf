using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.ConcernedParty;

/// <summary>
/// Estimates the concerned-party effect from labelled roll calls (docs/concerned-party.md): the concerned states'
/// own votes give a Dirichlet(1, 1, 1) posterior; every other member's latent support shifts by
/// <c>gamma0 + gamma1 * x</c>, x its closeness to the concerned state (<see cref="PartnerCloseness"/>), gamma by
/// maximum likelihood of the ordered probit with the base model's means and cut-points held fixed (Newton's
/// method on the analytic gradient; with the record's agreement rates at hand, only votes that have both measures count, so that the two measures' fits compare the same votes, the Hessian by central differences of the gradient; standard errors from the
/// inverse observed information).
/// </summary>
internal sealed class ConcernedPartyEstimator(AgreementRates? agreement)
{
    private const double Floor = 1e-12;

    /// <summary>The closeness of each vote of <paramref name="rollCall"/> (null for the concerned states and members without a measure).</summary>
    public double?[] Closeness(ConcernedPartyCase rollCall, PartnerCloseness closeness)
    {
        var rates = closeness == PartnerCloseness.Agreement
            ? agreement?.With(rollCall.Concerned, rollCall.Year) ?? throw new InvalidOperationException("The agreement rates need the record.")
            : null;
        return [.. rollCall.Votes.Select(v => v.IsConcerned ? (double?)null : closeness switch
        {
            PartnerCloseness.Agreement => rates!.TryGetValue(v.Code, out double a) ? a : null,
            PartnerCloseness.PositionDistance => rollCall.ConcernedTheta is { } c ? Math.Abs(v.Theta - c) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(closeness), closeness, "Unknown closeness measure."),
        })];
    }

    /// <summary>Fits the effect on <paramref name="training"/> with the closeness <paramref name="closeness"/>.</summary>
    public ConcernedPartyFit Fit(IReadOnlyList<ConcernedPartyCase> training, PartnerCloseness closeness)
    {
        int no = 0, abstain = 0, yes = 0;
        foreach (var vote in training.SelectMany(c => c.Votes).Where(v => v.IsConcerned))
        {
            _ = vote.Choice switch { 0 => no++, 1 => abstain++, 2 => yes++, _ => throw new ArgumentOutOfRangeException(nameof(training), vote.Choice, "A choice is 0 (no), 1 (abstain) or 2 (yes).") };
        }

        var rows = Rows(training, closeness);
        double g0 = 0, g1 = 0;
        var hessian = new double[2, 2];
        for (int iteration = 0; iteration < 50; iteration++)
        {
            var (d0, d1) = Gradient(rows, g0, g1);
            hessian = Hessian(rows, g0, g1);
            double det = (hessian[0, 0] * hessian[1, 1]) - (hessian[0, 1] * hessian[1, 0]);
            double s0 = ((hessian[1, 1] * d0) - (hessian[0, 1] * d1)) / det;
            double s1 = ((hessian[0, 0] * d1) - (hessian[1, 0] * d0)) / det;
            g0 -= s0;
            g1 -= s1;
            if (Math.Max(Math.Abs(s0), Math.Abs(s1)) < 1e-9)
            {
                hessian = Hessian(rows, g0, g1);
                break;
            }
        }

        double h = (hessian[0, 0] * hessian[1, 1]) - (hessian[0, 1] * hessian[1, 0]);
        double v00 = -hessian[1, 1] / h, v11 = -hessian[0, 0] / h, v01 = hessian[0, 1] / h;
        var (pNo, pAbstain, pYes) = ConcernedPartyEffect.Posterior(no, abstain, yes);
        double n = no + abstain + yes + 3.0;
        return new ConcernedPartyFit(
            new ConcernedPartyEffect(pNo, pAbstain, pYes, g0, g1, Math.Sqrt(v00), Math.Sqrt(v11)) { Closeness = closeness },
            StandardError(pNo, n), StandardError(pAbstain, n), StandardError(pYes, n),
            v01, no + abstain + yes, rows.Count, -LogLikelihood(rows, g0, g1) / rows.Count, training.Count);
    }

    /// <summary>Scores the base model and the base model with <paramref name="effect"/> on <paramref name="test"/>.</summary>
    public ConcernedPartyScore Score(ConcernedPartyEffect effect, IReadOnlyList<ConcernedPartyCase> test)
    {
        double[] own = [effect.PNo, effect.PAbstain, effect.PYes];
        int modal = Array.IndexOf(own, own.Max());
        int hits = 0, baseHits = 0, concernedVotes = 0, votes = 0;
        double lossBase = 0, lossEffect = 0;
        var byState = new SortedDictionary<string, (int Hits, int Votes)>(StringComparer.Ordinal);
        foreach (var rollCall in test)
        {
            var closeness = Closeness(rollCall, effect.Closeness);
            for (int i = 0; i < rollCall.Votes.Count; i++)
            {
                var v = rollCall.Votes[i];
                var baseline = Probabilities(v.Mean, rollCall.Tau1, rollCall.Tau2);
                double[] withEffect;
                if (v.IsConcerned)
                {
                    withEffect = own;
                    concernedVotes++;
                    hits += v.Choice == modal ? 1 : 0;
                    baseHits += v.Choice == Array.IndexOf(baseline, baseline.Max()) ? 1 : 0;
                    var (h, n) = byState.GetValueOrDefault(v.Code);
                    byState[v.Code] = (h + (v.Choice == modal ? 1 : 0), n + 1);
                }
                else
                {
                    withEffect = closeness[i] is { } x ? Probabilities(v.Mean + effect.Gamma0 + (effect.Gamma1 * x), rollCall.Tau1, rollCall.Tau2) : baseline;
                }

                lossBase -= Math.Log(Math.Max(baseline[v.Choice], Floor));
                lossEffect -= Math.Log(Math.Max(withEffect[v.Choice], Floor));
                votes++;
            }
        }

        return new ConcernedPartyScore(test.Count, concernedVotes, hits, baseHits, votes, lossBase / votes, lossEffect / votes, byState);
    }

    /// <summary>P(no), P(abstain), P(yes) of the ordered probit with latent mean <paramref name="mean"/> and cut-points tau1 &lt;= tau2.</summary>
    public static double[] Probabilities(double mean, double tau1, double tau2)
    {
        double no = NormalTail.Cdf(tau1 - mean);
        double yes = NormalTail.UpperTail(tau2 - mean);
        return [no, Math.Max(0, 1 - no - yes), yes];
    }

    private static double StandardError(double p, double n) => Math.Sqrt(p * (1 - p) / (n + 1));

    private List<(int Choice, double Mean, double Tau1, double Tau2, double X)> Rows(IReadOnlyList<ConcernedPartyCase> cases, PartnerCloseness closeness)
    {
        var rows = new List<(int, double, double, double, double)>();
        foreach (var rollCall in cases)
        {
            // Both measures must exist so that the training log losses of the two measures compare the same votes.
            var x = Closeness(rollCall, closeness);
            var rates = agreement is null ? x : Closeness(rollCall, PartnerCloseness.Agreement);
            var distance = Closeness(rollCall, PartnerCloseness.PositionDistance);
            for (int i = 0; i < rollCall.Votes.Count; i++)
            {
                if (x[i] is { } value && rates[i] is not null && distance[i] is not null)
                {
                    rows.Add((rollCall.Votes[i].Choice, rollCall.Votes[i].Mean, rollCall.Tau1, rollCall.Tau2, value));
                }
            }
        }

        return rows;
    }

    private static double LogLikelihood(List<(int Choice, double Mean, double Tau1, double Tau2, double X)> rows, double g0, double g1) =>
        rows.Sum(r => Math.Log(Math.Max(Probabilities(r.Mean + g0 + (g1 * r.X), r.Tau1, r.Tau2)[r.Choice], Floor)));

    /// <summary>d log L / d gamma: d log p / d shift is -phi(a)/Phi(a) (no), (phi(a) - phi(b)) / (Phi(b) - Phi(a)) (abstain), phi(b)/Q(b) (yes), a = tau1 - m, b = tau2 - m.</summary>
    private static (double D0, double D1) Gradient(List<(int Choice, double Mean, double Tau1, double Tau2, double X)> rows, double g0, double g1)
    {
        double d0 = 0, d1 = 0;
        foreach (var r in rows)
        {
            double m = r.Mean + g0 + (g1 * r.X);
            double a = r.Tau1 - m, b = r.Tau2 - m;
            double score = r.Choice switch
            {
                0 => -NormalTail.Density(a) / Math.Max(NormalTail.Cdf(a), Floor),
                1 => (NormalTail.Density(a) - NormalTail.Density(b)) / Math.Max(NormalTail.Cdf(b) - NormalTail.Cdf(a), Floor),
                2 => NormalTail.Density(b) / Math.Max(NormalTail.UpperTail(b), Floor),
                _ => throw new ArgumentOutOfRangeException(nameof(rows), r.Choice, "A choice is 0 (no), 1 (abstain) or 2 (yes)."),
            };
            d0 += score;
            d1 += score * r.X;
        }

        return (d0, d1);
    }

    private static double[,] Hessian(List<(int Choice, double Mean, double Tau1, double Tau2, double X)> rows, double g0, double g1)
    {
        const double step = 1e-5;
        var (a0, a1) = Gradient(rows, g0 + step, g1);
        var (b0, b1) = Gradient(rows, g0 - step, g1);
        var (c0, c1) = Gradient(rows, g0, g1 + step);
        var (e0, e1) = Gradient(rows, g0, g1 - step);
        double h01 = (((a1 - b1) / (2 * step)) + ((c0 - e0) / (2 * step))) / 2;
        return new[,] { { (a0 - b0) / (2 * step), h01 }, { h01, (c1 - e1) / (2 * step) } };
    }
}
