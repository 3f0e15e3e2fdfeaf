using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The rolling backtest's small linear algebra: ordered-probit probabilities with parameter uncertainty, quadratic forms, Cholesky factors.</summary>
public sealed partial class RollingBacktest
{
    private static (double, double, double) Row(double[,] matrix, int row) => (matrix[row, 0], matrix[row, 1], matrix[row, 2]);

    /// <summary>Ordered-probit probabilities with a separate latent standard deviation for each cut-point comparison.</summary>
    private static (double No, double Abstain, double Yes) Ordered(double latent, double tau1, double tau2, double sd1, double sd2)
    {
        double no = NormalTail.Cdf((tau1 - latent) / sd1);
        double yes = NormalTail.UpperTail((tau2 - latent) / sd2);
        double abstain = 1 - no - yes;
        if (abstain < 1e-9)
        {
            double scale = (1 - 1e-9) / (no + yes);
            no *= scale;
            yes *= scale;
            abstain = 1e-9;
        }

        return (no, abstain, yes);
    }

    /// <summary>Var(beta x + sum of the member's group effects - tau_k) for coefficients (x, c1, c2, groups) over a row-major covariance of size d.</summary>
    private static double Quadratic(double[] covariance, int d, double x, double c1, double c2, int[] groups)
    {
        Span<double> a = stackalloc double[d];
        a.Clear();
        a[0] = x;
        a[1] = c1;
        a[2] = c2;
        foreach (int g in groups)
        {
            if (3 + g < d)
            {
                a[3 + g] = 1;
            }
        }

        double v = 0;
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                v += a[i] * covariance[(i * d) + j] * a[j];
            }
        }

        return Math.Max(0, v);
    }

    private static double[] CholeskyFactor(double[] covariance, int d)
    {
        var factor = (double[])covariance.Clone();
        for (int j = 0; j < d; j++)
        {
            double diagonal = factor[(j * d) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= factor[(j * d) + k] * factor[(j * d) + k];
            }

            if (!(diagonal > 0))
            {
                return [];
            }

            double root = Math.Sqrt(diagonal);
            factor[(j * d) + j] = root;
            for (int i = j + 1; i < d; i++)
            {
                double sum = factor[(i * d) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= factor[(i * d) + k] * factor[(j * d) + k];
                }

                factor[(i * d) + j] = sum / root;
            }

            for (int i = 0; i < j; i++)
            {
                factor[(i * d) + j] = 0;
            }
        }

        return factor;
    }
}
