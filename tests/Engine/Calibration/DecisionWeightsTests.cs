using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>The decision weights of the hard-class metrics: fitted to maximise macro-F1 on a fitting set, probabilities untouched.</summary>
public sealed class DecisionWeightsTests
{
    /// <summary>
    /// Fitting set (p_no, p_abstain, p_yes; recorded). The argmax predicts yes, yes, yes, yes, no:
    /// F1 yes = 2*2 / (4 + 2) = 2/3, F1 abstain = 0, F1 no = 1, macro-F1 = 5/9.
    /// Weighting abstain by w_a with 0.60 / 0.35 = 1.714 &lt; w_a &lt; 0.75 / 0.20 = 3.75 turns forecasts 1 and 2 into
    /// abstain and keeps 3 a yes: every class right, macro-F1 = 1. The smallest such factor on the grid exp(k / 10) is
    /// exp(0.6) = 1.822 (exp(0.5) = 1.649 turns only forecast 2: F1 yes 0.8, abstain 2/3, no 1, macro-F1 0.822), and
    /// w_no = 1 is the closest to the argmax among the no factors that keep the decisions.
    /// </summary>
    private static readonly (double No, double Abstain, double Yes, OrdinalVote Actual)[] FittingSet =
    [
        (0.05, 0.35, 0.60, OrdinalVote.Abstain),
        (0.05, 0.40, 0.55, OrdinalVote.Abstain),
        (0.05, 0.20, 0.75, OrdinalVote.Yes),
        (0.05, 0.05, 0.90, OrdinalVote.Yes),
        (0.70, 0.10, 0.20, OrdinalVote.No),
    ];

    [Test]
    public void Argmax_macro_f1_of_the_fitting_set_is_five_ninths() =>
        Assert.That(DecisionWeights.MacroF1(FittingSet, DecisionWeights.Argmax), Is.EqualTo(5.0 / 9).Within(1e-12));

    [Test]
    public void Fit_picks_the_smallest_abstain_factor_that_maximises_macro_f1()
    {
        var weights = DecisionWeights.Fit(FittingSet);

        Assert.That(weights.Abstain, Is.EqualTo(Math.Exp(0.6)).Within(1e-12));
        Assert.That(weights.No, Is.EqualTo(1.0));
        Assert.That(DecisionWeights.MacroF1(FittingSet, weights), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(DecisionWeights.MacroF1(FittingSet, new DecisionWeights(1, Math.Exp(0.5))), Is.EqualTo((0.8 + (2.0 / 3) + 1) / 3).Within(1e-12));

        // No pair on the grid does better.
        foreach (double wa in DecisionWeights.Grid)
        {
            foreach (double wn in DecisionWeights.Grid)
            {
                Assert.That(DecisionWeights.MacroF1(FittingSet, new DecisionWeights(wn, wa)), Is.LessThanOrEqualTo(DecisionWeights.MacroF1(FittingSet, weights)));
            }
        }
    }

    [Test]
    public void Weighting_changes_the_decision_not_the_probabilities()
    {
        var weights = DecisionWeights.Fit(FittingSet);

        // A held-out forecast (0.10, 0.38, 0.52; abstain): the argmax says yes, the weights say abstain (1.822 * 0.38 = 0.69 > 0.52).
        Assert.That(DecisionWeights.Argmax.Decide(0.10, 0.38, 0.52), Is.EqualTo((int)OrdinalVote.Yes));
        Assert.That(weights.Decide(0.10, 0.38, 0.52), Is.EqualTo((int)OrdinalVote.Abstain));

        var plain = new ForecastMetrics();
        var weighted = new ForecastMetrics();
        plain.Add(0.10, 0.38, 0.52, OrdinalVote.Abstain);
        plain.Add(0.10, 0.10, 0.80, OrdinalVote.Yes);
        weighted.Add(0.10, 0.38, 0.52, OrdinalVote.Abstain, weights);
        weighted.Add(0.10, 0.10, 0.80, OrdinalVote.Yes, weights);

        Assert.That(plain.Accuracy, Is.EqualTo(0.5));
        Assert.That(weighted.Accuracy, Is.EqualTo(1.0));
        Assert.That(weighted.Weighted, Is.True);
        Assert.That(plain.Weighted, Is.False);
        Assert.That(weighted.LogLoss, Is.EqualTo(plain.LogLoss));
        Assert.That(weighted.Brier, Is.EqualTo(plain.Brier));
        Assert.That(weighted.ExpectedCalibrationError, Is.EqualTo(plain.ExpectedCalibrationError));

        // The weighted metrics keep the argmax figures alongside.
        var argmax = weighted.ArgmaxMetrics().ToDictionary(m => m.Metric, m => m.Value);
        Assert.That(argmax["accuracy_argmax"], Is.EqualTo(plain.Accuracy));
        Assert.That(argmax["macro_f1_argmax"], Is.EqualTo(plain.MacroF1).Within(1e-12));
        Assert.That(argmax["apre_argmax"], Is.EqualTo(plain.Apre).Within(1e-12));
    }

    [Test]
    public void An_empty_fitting_set_keeps_the_argmax() =>
        Assert.That(DecisionWeights.Fit([]), Is.EqualTo(DecisionWeights.Argmax));
}
