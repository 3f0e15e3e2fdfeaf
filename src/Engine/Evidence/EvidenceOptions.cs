using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Evidence;

/// <summary>The calibration's settings that the evidence update reuses, so evidence is read with the same model.</summary>
/// <param name="PositionStepSd">The calibration's yearly random-walk step of positions, &gt;= 0.</param>
/// <param name="Prior">Prior of a roll call's (beta, tau_1, tau_2) (the calibration's: beta ~ N(0, 2.5^2), tau ~ N(0, 4^2)).</param>
/// <param name="MinimumGap">Smallest tau_2 - tau_1, &gt; 0 (the calibration's 0.05).</param>
/// <param name="NewtonSteps">Most Newton steps per member, &gt;= 1.</param>
public sealed record EvidenceOptions(double PositionStepSd, RollCallPrior Prior, double MinimumGap, int NewtonSteps = 25)
{
    /// <summary>The options of a calibration with <paramref name="positionStepSd"/> and the estimator's default priors.</summary>
    public static EvidenceOptions Of(double positionStepSd)
    {
        var defaults = new CalibrationOptions();
        return new EvidenceOptions(positionStepSd, RollCallPrior.Centred(defaults.DiscriminationSd, defaults.CutpointSd), defaults.MinimumCutpointGap);
    }
}
