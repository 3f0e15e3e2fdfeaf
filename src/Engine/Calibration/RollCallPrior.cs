namespace StemSimulator.Engine.Calibration;

/// <summary>
/// An independent normal prior on a roll call's (beta, tau_1, tau_2): each component ~ N(mean, sd^2).
/// Several normal pulls on one parameter (a weak default and one per bridged roll call) combine into one normal
/// with precision the sum of the precisions and mean their precision-weighted average.
/// </summary>
/// <param name="Mean">Prior means of beta, tau_1 and tau_2.</param>
/// <param name="Precision">Prior precisions 1 / sd^2 of beta, tau_1 and tau_2, each &gt; 0.</param>
public readonly record struct RollCallPrior(RollCallParameters Mean, RollCallParameters Precision)
{
    /// <summary>A prior with mean 0 and the given standard deviations.</summary>
    public static RollCallPrior Centred(double betaSd, double cutpointSd) =>
        new(default, new RollCallParameters(1 / (betaSd * betaSd), 1 / (cutpointSd * cutpointSd), 1 / (cutpointSd * cutpointSd)));

    /// <summary>This prior combined with a further normal pull towards <paramref name="target"/> with standard deviation <paramref name="sd"/> on every component.</summary>
    public RollCallPrior PullTowards(RollCallParameters target, double sd)
    {
        double q = 1 / (sd * sd);
        static double Mix(double m, double p, double t, double q) => ((m * p) + (t * q)) / (p + q);
        return new RollCallPrior(
            new RollCallParameters(
                Mix(Mean.Beta, Precision.Beta, target.Beta, q),
                Mix(Mean.Tau1, Precision.Tau1, target.Tau1, q),
                Mix(Mean.Tau2, Precision.Tau2, target.Tau2, q)),
            new RollCallParameters(Precision.Beta + q, Precision.Tau1 + q, Precision.Tau2 + q));
    }
}
