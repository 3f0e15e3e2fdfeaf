namespace StemSimulator.Engine.Calibration;

/// <summary>
/// A decision rule for hard three-class predictions: the predicted class is the argmax of (w_no p_no, w_abstain
/// p_abstain, p_yes) (ties as in <see cref="ForecastMetrics.Predict"/>). The probabilities themselves are not changed;
/// only the hard decision is. (1, 1) is the plain argmax.
/// </summary>
/// <param name="No">The factor on P(no).</param>
/// <param name="Abstain">The factor on P(abstain).</param>
public readonly record struct DecisionWeights(double No, double Abstain)
{
    /// <summary>The plain argmax.</summary>
    public static DecisionWeights Argmax { get; } = new(1, 1);

    /// <summary>The candidate factors <see cref="Fit"/> searches for each of w_no and w_abstain: exp(k / 10) for k = -10..20 (0.37 to 7.4).</summary>
    public static IReadOnlyList<double> Grid { get; } = Enumerable.Range(-10, 31).Select(k => Math.Exp(k / 10.0)).ToArray();

    /// <summary>Whether this is the plain argmax.</summary>
    public bool IsArgmax => No == 1 && Abstain == 1;

    /// <summary>The predicted class (index of <see cref="OrdinalVote"/>).</summary>
    public int Decide(double pNo, double pAbstain, double pYes) => ForecastMetrics.Predict(No * pNo, Abstain * pAbstain, pYes);

    /// <summary>
    /// The weights on <paramref name="grid"/> (default <see cref="Grid"/>, each factor from the same list) that maximise
    /// the macro-F1 of the decisions on the fitting set; ties (within 1e-12) go to the pair closest to the argmax
    /// (smallest |ln w_no| + |ln w_abstain|), then to the smaller w_abstain, then to the smaller w_no. An empty fitting
    /// set gives the argmax.
    /// </summary>
    public static DecisionWeights Fit(IReadOnlyList<(double No, double Abstain, double Yes, OrdinalVote Actual)> forecasts, IReadOnlyList<double>? grid = null)
    {
        if (forecasts.Count == 0)
        {
            return Argmax;
        }

        grid ??= Grid;
        var best = Argmax;
        double bestScore = MacroF1(forecasts, Argmax);
        double bestDistance = 0;
        foreach (double wa in grid)
        {
            foreach (double wn in grid)
            {
                var candidate = new DecisionWeights(wn, wa);
                double score = MacroF1(forecasts, candidate);
                double distance = Math.Abs(Math.Log(wn)) + Math.Abs(Math.Log(wa));
                bool better = score > bestScore + 1e-12
                    || (Math.Abs(score - bestScore) <= 1e-12 && (distance < bestDistance - 1e-12
                        || (Math.Abs(distance - bestDistance) <= 1e-12 && (wa < best.Abstain || (wa == best.Abstain && wn < best.No)))));
                if (better)
                {
                    best = candidate;
                    bestScore = score;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    /// <summary>The macro-F1 of the weighted decisions on a set of forecasts.</summary>
    public static double MacroF1(IReadOnlyList<(double No, double Abstain, double Yes, OrdinalVote Actual)> forecasts, DecisionWeights weights)
    {
        Span<long> tp = stackalloc long[3];
        Span<long> predicted = stackalloc long[3];
        Span<long> recorded = stackalloc long[3];
        tp.Clear();
        predicted.Clear();
        recorded.Clear();
        foreach (var (no, abstain, yes, actual) in forecasts)
        {
            int c = weights.Decide(no, abstain, yes);
            int a = (int)actual;
            predicted[c]++;
            recorded[a]++;
            if (c == a)
            {
                tp[a]++;
            }
        }

        double sum = 0;
        for (int k = 0; k < 3; k++)
        {
            sum += predicted[k] + recorded[k] == 0 ? 0 : 2.0 * tp[k] / (predicted[k] + recorded[k]);
        }

        return sum / 3;
    }
}
