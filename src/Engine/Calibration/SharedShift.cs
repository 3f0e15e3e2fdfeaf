namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The latent shift that a group of members shared on one roll call, given the roll call's parameters: the maximum
/// likelihood s of sum_i log P(y_i | eta_i + s, tau_1, tau_2) (concave in s), by Newton's method, with its Laplace
/// variance -1 / (d2/ds2). Used to measure bloc shocks: how far a bloc strays together from the model.
/// </summary>
public static class SharedShift
{
    /// <summary>Largest shift reported; a group voting unanimously against the model has an unbounded likelihood.</summary>
    public const double Limit = 5.0;

    /// <summary>Fits s; returns its estimate and variance (infinite when the votes carry no information).</summary>
    /// <param name="etas">beta * x of each member of the group who voted.</param>
    /// <param name="votes">Their votes.</param>
    /// <param name="tau1">The roll call's first cut-point.</param>
    /// <param name="tau2">The roll call's second cut-point.</param>
    public static (double Shift, double Variance) Fit(ReadOnlySpan<double> etas, ReadOnlySpan<OrdinalVote> votes, double tau1, double tau2)
    {
        double s = 0, curvature = 0;
        for (int iteration = 0; iteration < 50; iteration++)
        {
            double gradient = 0;
            curvature = 0;
            for (int i = 0; i < etas.Length; i++)
            {
                var (_, g, h) = OrderedProbit.EvaluateEta(votes[i], etas[i] + s, tau1, tau2);
                gradient += g;
                curvature += h;
            }

            if (!(curvature < -1e-12))
            {
                return (s, double.PositiveInfinity);
            }

            double step = Math.Clamp(-gradient / curvature, -1, 1);
            double next = Math.Clamp(s + step, -Limit, Limit);
            if (Math.Abs(next - s) < 1e-10)
            {
                break;
            }

            s = next;
        }

        return (s, -1 / curvature);
    }
}
