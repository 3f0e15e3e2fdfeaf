namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Scores of probabilistic three-class vote forecasts (no, abstain, yes) against the recorded votes.
/// </summary>
/// <remarks>
/// For n forecasts with probabilities p_ik (k = no, abstain, yes), the recorded class y_i and the predicted class
/// c_i = argmax_k p_ik (ties go to yes, then no, then abstain), or with <see cref="DecisionWeights"/> the argmax of the
/// weighted probabilities (the hard-class metrics accuracy, F1 and APRE then use the weighted decision; log loss, Brier
/// and ECE always use the probabilities and their argmax, so a decision rule does not change them):
/// <list type="bullet">
/// <item><c>accuracy</c> = share of c_i = y_i;</item>
/// <item><c>f1_k</c> = 2 P R / (P + R) with precision P = TP / (TP + FP) and recall R = TP / (TP + FN) of class k
/// (0 when the class is never predicted and never recorded); <c>macro_f1</c> = the mean of the three;</item>
/// <item><c>log_loss</c> = -(1/n) sum_i log p_i,y_i, each probability floored at 1e-15 so a certain miss is finite;</item>
/// <item><c>brier</c> = (1/n) sum_i sum_k (p_ik - [y_i = k])^2 (0 perfect, at most 2);</item>
/// <item><c>ece</c> = sum over 10 equal-width bins of the top-class confidence max_k p_ik of
/// (n_b / n) |accuracy_b - mean confidence_b|;</item>
/// <item><c>apre</c> = (e_yes - e) / e_yes, the proportional reduction in error of the forecast (error e = 1 -
/// accuracy) relative to always predicting yes (error e_yes); 0 when always-yes makes no error.</item>
/// </list>
/// </remarks>
public sealed class ForecastMetrics
{
    private const double Floor = 1e-15;
    private const int Bins = 10;

    private readonly long[,] _confusion = new long[3, 3];
    private readonly long[,] _argmaxConfusion = new long[3, 3];
    private readonly double[] _binConfidence = new double[Bins];
    private readonly long[] _binCorrect = new long[Bins];
    private readonly long[] _binCount = new long[Bins];
    private double _logLoss;
    private double _brier;
    private long _n;
    private long _yes;

    /// <summary>Number of forecasts added.</summary>
    public long Count => _n;

    /// <summary>Whether any forecast was added with a decision rule other than the plain argmax.</summary>
    public bool Weighted { get; private set; }

    /// <summary>
    /// Adds one forecast: probabilities of no, abstain and yes (non-negative, summing to about 1) and the recorded vote;
    /// <paramref name="weights"/> (default the plain argmax) decide the hard class.
    /// </summary>
    public void Add(double pNo, double pAbstain, double pYes, OrdinalVote actual, DecisionWeights? weights = null)
    {
        double sum = pNo + pAbstain + pYes;
        if (!(sum > 0) || !double.IsFinite(sum))
        {
            throw new ArgumentException("Probabilities must be finite, non-negative and not all zero.", nameof(pNo));
        }

        pNo /= sum;
        pAbstain /= sum;
        pYes /= sum;
        Span<double> p = [pNo, pAbstain, pYes];
        int predicted = Predict(pNo, pAbstain, pYes);
        int a = (int)actual;
        var rule = weights ?? DecisionWeights.Argmax;
        Weighted |= !rule.IsArgmax;
        _confusion[a, rule.Decide(pNo, pAbstain, pYes)]++;
        _argmaxConfusion[a, predicted]++;
        _logLoss -= Math.Log(Math.Max(Floor, p[a]));
        for (int k = 0; k < 3; k++)
        {
            double d = p[k] - (k == a ? 1 : 0);
            _brier += d * d;
        }

        double confidence = p[predicted];
        int bin = Math.Min(Bins - 1, (int)(confidence * Bins));
        _binConfidence[bin] += confidence;
        _binCount[bin]++;
        if (predicted == a)
        {
            _binCorrect[bin]++;
        }

        _n++;
        if (actual == OrdinalVote.Yes)
        {
            _yes++;
        }
    }

    /// <summary>The predicted class: the most probable; ties go to yes, then no, then abstain.</summary>
    public static int Predict(double pNo, double pAbstain, double pYes) =>
        pYes >= pNo && pYes >= pAbstain ? (int)OrdinalVote.Yes
        : pNo >= pAbstain ? (int)OrdinalVote.No
        : (int)OrdinalVote.Abstain;

    /// <summary>Share of correct predicted classes.</summary>
    public double Accuracy => _n == 0 ? double.NaN : (double)(_confusion[0, 0] + _confusion[1, 1] + _confusion[2, 2]) / _n;

    /// <summary>F1 score of one class.</summary>
    public double F1(OrdinalVote vote)
    {
        int k = (int)vote;
        long tp = _confusion[k, k];
        long predicted = _confusion[0, k] + _confusion[1, k] + _confusion[2, k];
        long recorded = _confusion[k, 0] + _confusion[k, 1] + _confusion[k, 2];
        return predicted + recorded == 0 ? 0.0 : 2.0 * tp / (predicted + recorded);
    }

    /// <summary>Mean of the three classes' F1.</summary>
    public double MacroF1 => (F1(OrdinalVote.No) + F1(OrdinalVote.Abstain) + F1(OrdinalVote.Yes)) / 3;

    /// <summary>
    /// The hard-class metrics under the plain argmax whatever decision rule was used (accuracy_argmax, f1_yes_argmax,
    /// f1_abstain_argmax, f1_no_argmax, macro_f1_argmax, apre_argmax).
    /// </summary>
    public IReadOnlyList<(string Metric, double Value)> ArgmaxMetrics()
    {
        double F(int k)
        {
            long tp = _argmaxConfusion[k, k];
            long predicted = _argmaxConfusion[0, k] + _argmaxConfusion[1, k] + _argmaxConfusion[2, k];
            long recorded = _argmaxConfusion[k, 0] + _argmaxConfusion[k, 1] + _argmaxConfusion[k, 2];
            return predicted + recorded == 0 ? 0.0 : 2.0 * tp / (predicted + recorded);
        }

        double accuracy = _n == 0 ? double.NaN : (double)(_argmaxConfusion[0, 0] + _argmaxConfusion[1, 1] + _argmaxConfusion[2, 2]) / _n;
        double alwaysYesError = _n == 0 ? double.NaN : 1.0 - ((double)_yes / _n);
        return
        [
            ("accuracy_argmax", accuracy),
            ("f1_yes_argmax", F(2)),
            ("f1_abstain_argmax", F(1)),
            ("f1_no_argmax", F(0)),
            ("macro_f1_argmax", (F(0) + F(1) + F(2)) / 3),
            ("apre_argmax", _n == 0 ? double.NaN : alwaysYesError <= 0 ? 0.0 : (alwaysYesError - (1.0 - accuracy)) / alwaysYesError),
        ];
    }

    /// <summary>Mean negative log probability of the recorded vote.</summary>
    public double LogLoss => _n == 0 ? double.NaN : _logLoss / _n;

    /// <summary>Mean multi-class Brier score.</summary>
    public double Brier => _n == 0 ? double.NaN : _brier / _n;

    /// <summary>Expected calibration error of the top-class confidence (10 bins).</summary>
    public double ExpectedCalibrationError
    {
        get
        {
            if (_n == 0)
            {
                return double.NaN;
            }

            double ece = 0;
            for (int b = 0; b < Bins; b++)
            {
                if (_binCount[b] > 0)
                {
                    double accuracy = (double)_binCorrect[b] / _binCount[b];
                    double confidence = _binConfidence[b] / _binCount[b];
                    ece += (double)_binCount[b] / _n * Math.Abs(accuracy - confidence);
                }
            }

            return ece;
        }
    }

    /// <summary>Proportional reduction in error relative to always predicting yes.</summary>
    public double Apre
    {
        get
        {
            if (_n == 0)
            {
                return double.NaN;
            }

            double alwaysYesError = 1.0 - ((double)_yes / _n);
            return alwaysYesError <= 0 ? 0.0 : (alwaysYesError - (1.0 - Accuracy)) / alwaysYesError;
        }
    }

    /// <summary>All metrics by name (accuracy, f1_yes, f1_abstain, f1_no, macro_f1, log_loss, brier, ece, apre).</summary>
    public IReadOnlyList<(string Metric, double Value)> All() =>
    [
        ("accuracy", Accuracy),
        ("f1_yes", F1(OrdinalVote.Yes)),
        ("f1_abstain", F1(OrdinalVote.Abstain)),
        ("f1_no", F1(OrdinalVote.No)),
        ("macro_f1", MacroF1),
        ("log_loss", LogLoss),
        ("brier", Brier),
        ("ece", ExpectedCalibrationError),
        ("apre", Apre),
    ];
}
