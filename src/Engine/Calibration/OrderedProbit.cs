namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The ordered-probit likelihood of one vote and its derivatives (docs/design.md, section The vote model).
/// </summary>
/// <remarks>
/// <para>Model: latent support y* = eta + e, e ~ N(0, 1), with eta = beta * x (x the member's position on the roll
/// call, beta its discrimination). The vote is no when y* &lt; tau_1, yes when y* &gt;= tau_2, abstain between, so
/// <c>P(no) = Phi(tau_1 - eta)</c>, <c>P(abstain) = Phi(tau_2 - eta) - Phi(tau_1 - eta)</c>,
/// <c>P(yes) = Phi(eta - tau_2)</c>.</para>
/// <para>Each category is an interval (L, U] of the noise e shifted by eta: with l = L - eta and u = U - eta,
/// P = Phi(u) - Phi(l). Writing A = phi(u) / P and B = phi(l) / P (zero for an infinite bound):
/// d log P / d eta = B - A; d log P / dU = A; d log P / dL = -B;
/// d2/d eta2 = -(u A - l B) - (A - B)^2; d2/dU2 = -u A - A^2; d2/dL2 = l B - B^2; d2/dU dL = A B;
/// d2/d eta dU = u A + A^2 - A B; d2/d eta dL = B^2 - l B - A B.
/// Shifting eta, L and U together leaves P unchanged, so each row of the Hessian sums to zero (a check used in
/// the tests). The log-likelihood is concave in (eta, tau_1, tau_2) (Pratt 1981), which makes every Newton step of
/// the estimator a step on a concave function.</para>
/// <para>Tails: P is formed from the tail that keeps relative precision, P = phi(l) (R(l) - exp((l^2 - u^2) / 2)
/// R(u)) when both bounds are above 0 (R = Q / phi, see <see cref="NormalTail"/>) and the mirror image below 0, so
/// log P, A and B stay finite even when P underflows.</para>
/// </remarks>
public static class OrderedProbit
{
    /// <summary>log P(vote | eta, tau_1, tau_2); requires tau_1 &lt;= tau_2.</summary>
    public static double LogProbability(OrdinalVote vote, double eta, double tau1, double tau2)
    {
        var (lower, upper) = Bounds(vote, tau1, tau2);
        return LogInterval(lower - eta, upper - eta);
    }

    /// <summary>
    /// Probabilities of no, abstain and yes when the linear predictor is uncertain: eta ~ N(mean, variance) adds to
    /// the unit noise, so each probability uses the standardised cut-points (tau - mean) / sqrt(1 + variance).
    /// </summary>
    /// <param name="mean">Mean of eta.</param>
    /// <param name="variance">Variance of eta (position uncertainty times beta^2, plus shock variances), &gt;= 0.</param>
    /// <param name="tau1">Cut-point between no and abstain.</param>
    /// <param name="tau2">Cut-point between abstain and yes, &gt;= tau1.</param>
    public static (double No, double Abstain, double Yes) Probabilities(double mean, double variance, double tau1, double tau2)
    {
        double scale = 1.0 / Math.Sqrt(1.0 + Math.Max(0.0, variance));
        double no = NormalTail.Cdf((tau1 - mean) * scale);
        double yes = NormalTail.UpperTail((tau2 - mean) * scale);
        double abstain = Math.Max(0.0, 1.0 - no - yes);
        return (no, abstain, yes);
    }

    /// <summary>The log-likelihood of one vote with its first and second derivatives in (eta, tau_1, tau_2).</summary>
    public static VoteTerms Evaluate(OrdinalVote vote, double eta, double tau1, double tau2)
    {
        var (lower, upper) = Bounds(vote, tau1, tau2);
        double l = lower - eta, u = upper - eta;
        var (logP, a, b) = Interval(l, u);
        double ua = double.IsPositiveInfinity(u) ? 0.0 : u * a;
        double lb = double.IsNegativeInfinity(l) ? 0.0 : l * b;
        double dEta = b - a;
        double hEtaEta = -(ua - lb) - (dEta * dEta);
        double dUpper = a, dLower = -b;
        double hUpperUpper = -ua - (a * a);
        double hLowerLower = lb - (b * b);
        double hUpperLower = a * b;
        double hEtaUpper = ua + (a * a) - (a * b);
        double hEtaLower = (b * b) - lb - (a * b);
        return vote switch
        {
            // No: (-inf, tau1]; only tau1 (the upper bound) enters.
            OrdinalVote.No => new VoteTerms(logP, dEta, dUpper, 0, hEtaEta, hEtaUpper, 0, hUpperUpper, 0, 0),

            // Abstain: (tau1, tau2].
            OrdinalVote.Abstain => new VoteTerms(logP, dEta, dLower, dUpper, hEtaEta, hEtaLower, hEtaUpper, hLowerLower, hUpperLower, hUpperUpper),

            // Yes: (tau2, inf); only tau2 (the lower bound) enters.
            _ => new VoteTerms(logP, dEta, 0, dLower, hEtaEta, 0, hEtaLower, 0, 0, hLowerLower),
        };
    }

    /// <summary>The gradient and curvature of log P in eta alone (the member step needs nothing else).</summary>
    public static (double LogP, double Gradient, double Curvature) EvaluateEta(OrdinalVote vote, double eta, double tau1, double tau2)
    {
        var (lower, upper) = Bounds(vote, tau1, tau2);
        double l = lower - eta, u = upper - eta;
        var (logP, a, b) = Interval(l, u);
        double ua = double.IsPositiveInfinity(u) ? 0.0 : u * a;
        double lb = double.IsNegativeInfinity(l) ? 0.0 : l * b;
        double g = b - a;
        return (logP, g, -(ua - lb) - (g * g));
    }

    private static (double Lower, double Upper) Bounds(OrdinalVote vote, double tau1, double tau2) => vote switch
    {
        OrdinalVote.No => (double.NegativeInfinity, tau1),
        OrdinalVote.Abstain => (tau1, tau2),
        _ => (tau2, double.PositiveInfinity),
    };

    /// <summary>
    /// log P alone for P = Phi(u) - Phi(l), l &lt;= u: the same operations as <see cref="Interval"/>'s log P without
    /// A and B (the line searches need nothing else): the tails' and the centre's terms are shared with it.
    /// </summary>
    private static double LogInterval(double l, double u)
    {
        if (double.IsNegativeInfinity(l))
        {
            return NormalTail.LogCdf(u);
        }

        if (double.IsPositiveInfinity(u))
        {
            return NormalTail.LogCdf(-l);
        }

        if (l >= 0)
        {
            return UpperTailTerms(l, u).LogP;
        }

        if (u <= 0)
        {
            return LowerTailTerms(l, u).LogP;
        }

        return Math.Log(CentreProbability(l, u));
    }

    /// <summary>log P, A = phi(u) / P and B = phi(l) / P for P = Phi(u) - Phi(l), l &lt;= u, computed tail-safely.</summary>
    private static (double LogP, double A, double B) Interval(double l, double u)
    {
        if (double.IsNegativeInfinity(l))
        {
            var (logCdf, mills) = NormalTail.LogCdfAndInverseMills(u);
            return (logCdf, mills, 0.0);
        }

        if (double.IsPositiveInfinity(u))
        {
            var (logCdf, mills) = NormalTail.LogCdfAndInverseMills(-l);
            return (logCdf, 0.0, mills);
        }

        if (l >= 0)
        {
            var (logP, e, bracket) = UpperTailTerms(l, u);
            double b = 1.0 / bracket;
            return (logP, e * b, b);
        }

        if (u <= 0)
        {
            var (logP, e, bracket) = LowerTailTerms(l, u);
            double a = 1.0 / bracket;
            return (logP, a, e * a);
        }

        double p = CentreProbability(l, u);
        return (Math.Log(p), NormalTail.Density(u) / p, NormalTail.Density(l) / p);
    }

    /// <summary>
    /// 0 &lt;= l &lt;= u, the upper tail: P = phi(l) * (R(l) - e * R(u)) with e = phi(u) / phi(l) = exp((l^2 - u^2) / 2)
    /// &lt;= 1; returns log P, e and the bracket (kept above 0).
    /// </summary>
    private static (double LogP, double E, double Bracket) UpperTailTerms(double l, double u)
    {
        double e = Math.Exp(0.5 * (l - u) * (l + u));
        double bracket = Math.Max(NormalTail.UpperRatio(l) - (e * NormalTail.UpperRatio(u)), double.Epsilon);
        return (NormalTail.LogDensity(l) + Math.Log(bracket), e, bracket);
    }

    /// <summary>
    /// l &lt;= u &lt;= 0, the lower tail mirrored: P = phi(u) * (R(-u) - e * R(-l)) with e = phi(l) / phi(u) &lt;= 1; returns
    /// log P, e and the bracket (kept above 0).
    /// </summary>
    private static (double LogP, double E, double Bracket) LowerTailTerms(double l, double u)
    {
        double e = Math.Exp(0.5 * (u - l) * (u + l));
        double bracket = Math.Max(NormalTail.UpperRatio(-u) - (e * NormalTail.UpperRatio(-l)), double.Epsilon);
        return (NormalTail.LogDensity(u) + Math.Log(bracket), e, bracket);
    }

    /// <summary>l &lt; 0 &lt; u: the interval holds the centre, P &gt;= Phi(u) - 1/2 &gt; 0 with no cancellation to fear.</summary>
    private static double CentreProbability(double l, double u) => 1.0 - NormalTail.UpperTail(u) - NormalTail.Cdf(l);
}
