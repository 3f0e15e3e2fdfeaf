using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>
/// <see cref="GroupedRollCallFitter"/> with overlapping groups (a member of a regional group and of the EU carries
/// both effects): the MAP is a stationary point of the log posterior written out here independently, and the Laplace
/// covariance is the inverse of that function's numerical Hessian.
/// </summary>
public sealed class GroupedRollCallFitterTests
{
    private const double MinimumGap = 0.05;

    private static readonly double[] GroupSds = [0.8, 0.5, 1.0];

    private static readonly RollCallPrior Prior = new(new RollCallParameters(0.5, -1.0, 0.0), new RollCallParameters(0.25, 0.5, 0.5));

    [Test]
    public void The_fit_is_the_maximum_of_the_log_posterior()
    {
        var (x, groups, votes) = Data();
        var fit = GroupedRollCallFitter.Run(x, groups, votes, GroupSds, Prior, MinimumGap);
        double[] p = [fit.Parameters.Beta, fit.Parameters.Tau1, fit.Parameters.Tau2, .. fit.GroupEffects];
        Assume.That(p[2] - p[1], Is.GreaterThan(10 * MinimumGap), "an interior optimum, where the gradient vanishes");

        Assert.That(fit.LogPosterior, Is.EqualTo(LogPosterior(p, x, groups, votes)).Within(1e-9));
        const double h = 1e-5;
        for (int k = 0; k < p.Length; k++)
        {
            double gradient = (LogPosterior(Shift(p, k, h), x, groups, votes) - LogPosterior(Shift(p, k, -h), x, groups, votes)) / (2 * h);
            Assert.That(gradient, Is.EqualTo(0).Within(1e-4), $"d log posterior / d p[{k}]");
        }
    }

    [Test]
    public void The_covariance_is_the_inverse_of_the_negative_hessian()
    {
        var (x, groups, votes) = Data();
        var fit = GroupedRollCallFitter.Run(x, groups, votes, GroupSds, Prior, MinimumGap);
        double[] p = [fit.Parameters.Beta, fit.Parameters.Tau1, fit.Parameters.Tau2, .. fit.GroupEffects];
        int n = p.Length;

        // Numerical Hessian by central differences; then Sigma (-H) must be the identity.
        const double h = 1e-4;
        var hessian = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double f(double di, double dj) => LogPosterior(Shift(Shift(p, i, di), j, dj), x, groups, votes);
                hessian[i, j] = (f(h, h) - f(h, -h) - f(-h, h) + f(-h, -h)) / (4 * h * h);
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double product = 0;
                for (int k = 0; k < n; k++)
                {
                    product -= fit.Covariance[(i * n) + k] * hessian[k, j];
                }

                Assert.That(product, Is.EqualTo(i == j ? 1.0 : 0.0).Within(1e-3), $"(Sigma (-H))[{i}, {j}]");
            }
        }
    }

    [Test]
    public void A_shared_group_shifts_its_members_on_top_of_their_own_group()
    {
        var (x, groups, votes) = Data();
        var fit = GroupedRollCallFitter.Run(x, groups, votes, GroupSds, Prior, MinimumGap);

        // The data were drawn with effects (0.6, -0.4, 0.9): the signs are recovered from 240 votes.
        Assert.That(fit.GroupEffects[0], Is.GreaterThan(0));
        Assert.That(fit.GroupEffects[1], Is.LessThan(0));
        Assert.That(fit.GroupEffects[2], Is.GreaterThan(0.3));
    }

    /// <summary>
    /// log posterior = sum_i log P(y_i | beta x_i + sum_{g in G(i)} s_g, tau_1, tau_2) - sum_k prec_k (p_k - m_k)^2 / 2,
    /// without the priors' constants (as <see cref="GroupedRollCallFitter.Fit.LogPosterior"/>).
    /// </summary>
    private static double LogPosterior(double[] p, double[] x, int[][] groups, OrdinalVote[] votes)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double eta = (p[0] * x[i]) + groups[i].Sum(g => p[3 + g]);
            f += OrderedProbit.LogProbability(votes[i], eta, p[1], p[2]);
        }

        double[] mean = [Prior.Mean.Beta, Prior.Mean.Tau1, Prior.Mean.Tau2, 0, 0, 0];
        double[] precision = [Prior.Precision.Beta, Prior.Precision.Tau1, Prior.Precision.Tau2, .. GroupSds.Select(s => 1 / (s * s))];
        for (int k = 0; k < p.Length; k++)
        {
            f -= 0.5 * precision[k] * (p[k] - mean[k]) * (p[k] - mean[k]);
        }

        return f;
    }

    private static double[] Shift(double[] p, int k, double by)
    {
        var copy = (double[])p.Clone();
        copy[k] += by;
        return copy;
    }

    /// <summary>
    /// 240 votes drawn from the model: beta 1.5, cut-points (-0.8, -0.2), members in group 0 or 1 (alternating) or
    /// neither (every third), and every fourth also in the overlapping group 2.
    /// </summary>
    private static (double[] X, int[][] Groups, OrdinalVote[] Votes) Data()
    {
        const int n = 240;
        double[] effects = [0.6, -0.4, 0.9];
        var random = new CounterRandom(20261129, 0);
        var x = new double[n];
        var groups = new int[n][];
        var votes = new OrdinalVote[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Normal(RandomPurpose.Position, 1, i);
            var member = new List<int>();
            if (i % 3 < 2)
            {
                member.Add(i % 3);
            }

            if (i % 4 == 0)
            {
                member.Add(2);
            }

            groups[i] = [.. member];
            double latent = (1.5 * x[i]) + member.Sum(g => effects[g]) + random.Normal(RandomPurpose.VoteNoise, 1, i);
            votes[i] = latent < -0.8 ? OrdinalVote.No : latent >= -0.2 ? OrdinalVote.Yes : OrdinalVote.Abstain;
        }

        return (x, groups, votes);
    }
}
