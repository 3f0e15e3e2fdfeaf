namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Forecasts of a resolution's repeat that weigh the member's own earlier vote against the model: with probability
/// lambda_k the member repeats its earlier vote k, otherwise it votes as the model forecasts,
/// P(y) = lambda_k [y = k] + (1 - lambda_k) P_model(y).
/// </summary>
/// <remarks>
/// A member's stance on a recurring text is sticky beyond what its position explains (a state that alone votes no on
/// one text keeps doing so), while an ordered probit on positions spreads that stance as noise. The mixture keeps
/// both: the repeat weight lambda_k per earlier vote (no, abstain, yes) is the maximum-likelihood value on the
/// training years' repeats (<see cref="Fit"/>; the log-likelihood sum_i log(lambda [y_i = k] + (1 - lambda) p_i) is
/// concave in lambda, so a fine grid over [0, 0.999] finds its maximum).
/// </remarks>
public static class RepeatMixture
{
    /// <summary>One training repeat: the model's forecast, the member's earlier vote and its vote on the repeat.</summary>
    /// <param name="PNo">Model probability of no.</param>
    /// <param name="PAbstain">Model probability of abstaining.</param>
    /// <param name="PYes">Model probability of yes.</param>
    /// <param name="Previous">The member's vote on the earlier occurrence.</param>
    /// <param name="Actual">Its vote on the repeat.</param>
    public readonly record struct Observation(double PNo, double PAbstain, double PYes, OrdinalVote Previous, OrdinalVote Actual);

    /// <summary>The mixture's probabilities of no, abstain and yes.</summary>
    public static (double No, double Abstain, double Yes) Mix(double lambda, OrdinalVote previous, double pNo, double pAbstain, double pYes) =>
        ((lambda * (previous == OrdinalVote.No ? 1 : 0)) + ((1 - lambda) * pNo),
         (lambda * (previous == OrdinalVote.Abstain ? 1 : 0)) + ((1 - lambda) * pAbstain),
         (lambda * (previous == OrdinalVote.Yes ? 1 : 0)) + ((1 - lambda) * pYes));

    /// <summary>lambda for each earlier vote (no, abstain, yes), each in [0, 0.999]; 0 for a vote never seen.</summary>
    public static double[] Fit(IReadOnlyList<Observation> observations)
    {
        var lambdas = new double[3];
        for (int k = 0; k < 3; k++)
        {
            var subset = observations.Where(o => (int)o.Previous == k).ToArray();
            double best = double.NegativeInfinity;
            for (int step = 0; step <= 999; step++)
            {
                double lambda = step / 1000.0;
                double sum = 0;
                foreach (var o in subset)
                {
                    double model = o.Actual switch { OrdinalVote.No => o.PNo, OrdinalVote.Abstain => o.PAbstain, _ => o.PYes };
                    sum += Math.Log(Math.Max(1e-15, (lambda * (o.Actual == o.Previous ? 1 : 0)) + ((1 - lambda) * model)));
                }

                if (sum > best)
                {
                    best = sum;
                    lambdas[k] = lambda;
                }
            }
        }

        return lambdas;
    }
}
