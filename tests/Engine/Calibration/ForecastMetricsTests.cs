using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>Each forecast metric against values computed by hand on a tiny example.</summary>
public sealed class ForecastMetricsTests
{
    /// <summary>
    /// Four forecasts (p_no, p_abstain, p_yes; recorded):
    /// 1. (0.1, 0.1, 0.8; yes)  predicted yes, right
    /// 2. (0.6, 0.3, 0.1; no)   predicted no, right
    /// 3. (0.2, 0.5, 0.3; yes)  predicted abstain, wrong
    /// 4. (0.1, 0.2, 0.7; abstain) predicted yes, wrong
    /// </summary>
    private static ForecastMetrics Example()
    {
        var m = new ForecastMetrics();
        m.Add(0.1, 0.1, 0.8, OrdinalVote.Yes);
        m.Add(0.6, 0.3, 0.1, OrdinalVote.No);
        m.Add(0.2, 0.5, 0.3, OrdinalVote.Yes);
        m.Add(0.1, 0.2, 0.7, OrdinalVote.Abstain);
        return m;
    }

    [Test]
    public void Accuracy_is_the_share_of_right_classes() => Assert.That(Example().Accuracy, Is.EqualTo(0.5));

    [Test]
    public void F1_per_class_and_macro()
    {
        var m = Example();

        // yes: TP 1 (forecast 1), predicted yes twice (1, 4), recorded yes twice (1, 3): P = R = 1/2, F1 = 1/2.
        Assert.That(m.F1(OrdinalVote.Yes), Is.EqualTo(0.5).Within(1e-12));

        // no: TP 1, predicted once, recorded once: F1 = 1.
        Assert.That(m.F1(OrdinalVote.No), Is.EqualTo(1.0).Within(1e-12));

        // abstain: TP 0: F1 = 0.
        Assert.That(m.F1(OrdinalVote.Abstain), Is.EqualTo(0.0));
        Assert.That(m.MacroF1, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Log_loss_and_brier()
    {
        var m = Example();
        double logLoss = -(Math.Log(0.8) + Math.Log(0.6) + Math.Log(0.3) + Math.Log(0.2)) / 4;

        // Brier per forecast: (0.01+0.01+0.04), (0.16+0.09+0.01), (0.04+0.25+0.49), (0.01+0.64+0.49).
        double brier = (0.06 + 0.26 + 0.78 + 1.14) / 4;

        Assert.That(m.LogLoss, Is.EqualTo(logLoss).Within(1e-12));
        Assert.That(m.Brier, Is.EqualTo(brier).Within(1e-12));
    }

    [Test]
    public void Expected_calibration_error_bins_the_top_confidence()
    {
        // Confidences 0.8 (bin 8, right), 0.6 (bin 6, right), 0.5 (bin 5, wrong), 0.7 (bin 7, wrong):
        // |1 - 0.8| + |1 - 0.6| + |0 - 0.5| + |0 - 0.7| = 0.2 + 0.4 + 0.5 + 0.7, each weighted 1/4.
        Assert.That(Example().ExpectedCalibrationError, Is.EqualTo(1.8 / 4).Within(1e-12));
    }

    [Test]
    public void Apre_compares_the_error_with_always_yes()
    {
        // Always yes is right on 2 of 4 (error 0.5); the forecast's error is 0.5: no reduction.
        Assert.That(Example().Apre, Is.EqualTo(0.0).Within(1e-12));

        var better = Example();
        better.Add(0.1, 0.8, 0.1, OrdinalVote.Abstain);

        // Now always-yes errs on 3 of 5 (0.6), the forecast on 2 of 5 (0.4): APRE = (0.6 - 0.4) / 0.6 = 1/3.
        Assert.That(better.Apre, Is.EqualTo(1.0 / 3).Within(1e-12));
    }

    [Test]
    public void A_certain_miss_has_a_finite_log_loss()
    {
        var m = new ForecastMetrics();
        m.Add(0, 0, 1, OrdinalVote.No);

        Assert.That(m.LogLoss, Is.EqualTo(-Math.Log(1e-15)).Within(1e-9));
    }
}
