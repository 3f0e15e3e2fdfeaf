using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Evidence;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Tests.Engine.Evidence;

/// <summary>
/// The evidence update against independent truth: the posterior of one member after one vote computed by numerical
/// integration (the normal CDF itself by Simpson's rule on the density, not the engine's tail code), and a roll call
/// fitted on votes simulated from known parameters.
/// </summary>
public sealed class PositionEvidenceTests
{
    /// <summary>Phi(x) by Simpson's rule on the standard normal density over [-12, x] (independent of NormalTail).</summary>
    private static double Phi(double x)
    {
        double a = -12, b = Math.Min(x, 12);
        if (b <= a)
        {
            return 0;
        }

        const int n = 4000;
        double h = (b - a) / n, sum = 0;
        for (int k = 0; k <= n; k++)
        {
            double t = a + (k * h);
            double w = k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2;
            sum += w * Math.Exp(-0.5 * t * t);
        }

        return Math.Min(1, sum * h / 3 / Math.Sqrt(2 * Math.PI));
    }

    /// <summary>log prior + log P(yes) for the hand case: prior N(0.3, 0.4^2), beta 1.5, tau = (-0.5, 0.2), offset 0.1, a yes.</summary>
    private static double LogPosterior(double theta)
    {
        double eta = 1.5 * (theta + 0.1);
        double d = theta - 0.3;
        return (-0.5 * d * d / 0.16) + Math.Log(1 - Phi(0.2 - eta));
    }

    [Test]
    public void One_vote_Newton_mode_and_curvature_match_numerical_integration()
    {
        var parameters = new RollCallParameters(1.5, -0.5, 0.2);
        var (mode, curvature) = PositionEvidence.Posterior(0.3, 0.16, [(OrdinalVote.Yes, 0.1, parameters)], 25);

        // The mode by golden-section search on the independently computed log posterior.
        double lo = -2, hi = 3;
        double g = (Math.Sqrt(5) - 1) / 2;
        for (int k = 0; k < 80; k++)
        {
            double x1 = hi - (g * (hi - lo)), x2 = lo + (g * (hi - lo));
            if (LogPosterior(x1) < LogPosterior(x2))
            {
                lo = x1;
            }
            else
            {
                hi = x2;
            }
        }

        double numericMode = (lo + hi) / 2;
        const double step = 1e-3;
        double numericCurvature = (LogPosterior(numericMode + step) - (2 * LogPosterior(numericMode)) + LogPosterior(numericMode - step)) / (step * step);
        Assert.That(mode, Is.EqualTo(numericMode).Within(1e-5));
        Assert.That(mode, Is.GreaterThan(0.3), "a yes on a roll call with positive beta moves the member up");
        Assert.That(curvature, Is.EqualTo(numericCurvature).Within(1e-3));
        Assert.That(-1 / curvature, Is.LessThan(0.16), "one vote narrows the prior");

        // The Laplace approximation against the posterior's own mean and sd by quadrature: close, not equal.
        double z = 0, mean = 0, second = 0;
        for (double t = -3; t <= 4; t += 0.001)
        {
            double w = Math.Exp(LogPosterior(t));
            z += w;
            mean += w * t;
            second += w * t * t;
        }

        mean /= z;
        double sd = Math.Sqrt((second / z) - (mean * mean));
        Assert.That(mode, Is.EqualTo(mean).Within(0.03));
        Assert.That(1 / Math.Sqrt(-curvature), Is.EqualTo(sd).Within(0.03));
    }

    [Test]
    public void Update_widens_the_prior_by_the_years_since_the_position_and_moves_only_members_who_voted()
    {
        // Four members who voted and one who did not; the roll call is fitted first, then each member is updated
        // from a prior of variance se^2 + 2 * 0.14^2 (positions of 2019, evidence of 2021).
        var members = new[]
        {
            new EvidenceMember("AAA", -1.0, 0.2, 2019), new EvidenceMember("BBB", -0.5, 0.2, 2019), new EvidenceMember("CCC", 0.5, 0.2, 2019),
            new EvidenceMember("DDD", 1.0, 0.2, 2019), new EvidenceMember("EEE", 0.0, 0.3, 2019),
        };
        var votes = new[] { new EvidenceVote(0, OrdinalVote.No, 0), new EvidenceVote(1, OrdinalVote.Abstain, 0), new EvidenceVote(2, OrdinalVote.Yes, 0), new EvidenceVote(3, OrdinalVote.Yes, 0) };
        var options = EvidenceOptions.Of(0.14);
        var result = PositionEvidence.Update(members, [new EvidenceRollCall("A/RES/76/1", 2021, votes, null)], options);

        var fit = result.RollCalls[0];
        Assert.That(fit.Parameters.Beta, Is.GreaterThan(0), "no at the left, yes at the right");
        for (int i = 0; i < 4; i++)
        {
            var (mode, curvature) = PositionEvidence.Posterior(members[i].Theta, (0.2 * 0.2) + (2 * 0.14 * 0.14), [(votes[i].Vote, 0.0, fit.Parameters)], options.NewtonSteps);
            Assert.That(result.Members[i].Theta, Is.EqualTo(mode).Within(1e-12));
            Assert.That(result.Members[i].StandardError, Is.EqualTo(1 / Math.Sqrt(-curvature)).Within(1e-12));
            Assert.That(result.Members[i].SourceYear, Is.EqualTo(2021));
        }

        Assert.That(result.Members[4], Is.EqualTo(new MemberPosterior("EEE", 0.0, 0.3, 2019, 0)));
    }

    [Test]
    public void A_fitted_roll_call_recovers_known_discrimination_and_cut_points()
    {
        // 3,000 members at known positions vote by the ordered probit with beta 1.2, tau = (-0.8, 0.4).
        const double beta = 1.2, tau1 = -0.8, tau2 = 0.4;
        const int n = 3000;
        var theta = new double[n];
        var votes = new List<EvidenceVote>();
        for (int i = 0; i < n; i++)
        {
            var random = new CounterRandom(42, i);
            theta[i] = random.Normal(RandomPurpose.VoteNoise, 0, 0);
            double latent = (beta * theta[i]) + random.Normal(RandomPurpose.VoteNoise, 0, 1);
            votes.Add(new EvidenceVote(i, latent < tau1 ? OrdinalVote.No : latent < tau2 ? OrdinalVote.Abstain : OrdinalVote.Yes, 0));
        }

        var fit = PositionEvidence.FitRollCall(new EvidenceRollCall("sim", 2021, votes, null), theta, EvidenceOptions.Of(0.14));

        double[] truth = [beta, tau1, tau2];
        double[] estimate = [fit.Parameters.Beta, fit.Parameters.Tau1, fit.Parameters.Tau2];
        for (int k = 0; k < 3; k++)
        {
            double se = Math.Sqrt(fit.Covariance[(k * 3) + k]);
            Assert.That(se, Is.GreaterThan(0).And.LessThan(0.1));
            Assert.That(Math.Abs(estimate[k] - truth[k]), Is.LessThan(3 * se), $"parameter {k}: {estimate[k]} vs {truth[k]} (se {se})");
        }
    }
}
