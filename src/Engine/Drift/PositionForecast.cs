using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Drift;

/// <summary>
/// How well a simulated distribution of one member's position forecast its realized position, where the realized
/// position is itself an estimate theta_hat with standard error se (a calibrated position): the true position is taken
/// as theta ~ N(theta_hat, se^2) and every score is its expectation over that distribution (se = 0: the plain score).
/// </summary>
/// <remarks>
/// By the law of total probability the expected coverage of a correct forecast is the nominal level whatever se is,
/// whereas the plain indicator 1{theta_hat in interval} is biased upwards for a correct forecast because a smoothed
/// estimate varies less than the truth it estimates. Both are kept. The log score and the CRPS take the forecast as
/// the normal distribution with the simulated mean m and standard deviation s: the drift model is linear with normal
/// noise and a normal start, so its forecast distribution is exactly normal and the simulated m and s estimate it.
/// </remarks>
/// <param name="Mean">m, the mean of the simulated positions.</param>
/// <param name="Sd">s, their standard deviation (n - 1 in the denominator), &gt; 0.</param>
/// <param name="Lower80">Lower end of the central 80% interval of the simulated positions (quantile 0.10).</param>
/// <param name="Upper80">Upper end of the central 80% interval (quantile 0.90).</param>
/// <param name="Inside80">Whether theta_hat lies in the central 80% interval (ends included).</param>
/// <param name="Inside95">Whether theta_hat lies in the central 95% interval.</param>
/// <param name="Coverage80">P(theta in the 80% interval) = Phi((U - theta_hat) / se) - Phi((L - theta_hat) / se) (the indicator when se = 0).</param>
/// <param name="Coverage95">The same for the 95% interval.</param>
/// <param name="SquaredError">E (theta - m)^2 = (theta_hat - m)^2 + se^2.</param>
/// <param name="LogScore">E log N(theta; m, s^2) = -log(s sqrt(2 pi)) - ((theta_hat - m)^2 + se^2) / (2 s^2); higher is better.</param>
/// <param name="Crps">
/// E CRPS(N(m, s^2), theta) = E|Y - theta| - s / sqrt(pi), Y ~ N(m, s^2), where Y - theta ~ N(mu, sigma^2) with
/// mu = m - theta_hat, sigma^2 = s^2 + se^2, so E|Y - theta| = sigma sqrt(2 / pi) exp(-mu^2 / (2 sigma^2)) + mu (2 Phi(mu / sigma) - 1)
/// (Gneiting and Raftery 2007); lower is better, in position units.
/// </param>
public readonly record struct PositionForecast(
    double Mean,
    double Sd,
    double Lower80,
    double Upper80,
    bool Inside80,
    bool Inside95,
    double Coverage80,
    double Coverage95,
    double SquaredError,
    double LogScore,
    double Crps)
{
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Width of the central 80% interval.</summary>
    public double Width80 => Upper80 - Lower80;

    /// <summary>
    /// Scores the realized estimate <paramref name="realized"/> (standard error <paramref name="realizedSe"/> &gt;= 0)
    /// against <paramref name="samples"/> (at least two, not all equal); <paramref name="scratch"/> (as long as the
    /// samples) receives them sorted.
    /// </summary>
    public static PositionForecast Score(ReadOnlySpan<double> samples, double realized, double realizedSe, Span<double> scratch)
    {
        if (samples.Length < 2 || scratch.Length < samples.Length)
        {
            throw new ArgumentException("At least two samples and a scratch buffer as long as they are.", nameof(samples));
        }

        if (!(realizedSe >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(realizedSe), realizedSe, "The standard error must be >= 0.");
        }

        var sorted = scratch[..samples.Length];
        samples.CopyTo(sorted);
        sorted.Sort();
        double mean = 0;
        foreach (double x in sorted)
        {
            mean += x;
        }

        mean /= sorted.Length;
        double squares = 0;
        foreach (double x in sorted)
        {
            squares += (x - mean) * (x - mean);
        }

        double sd = Math.Sqrt(squares / (sorted.Length - 1));
        var (low80, high80) = CentralInterval(sorted, 0.80);
        var (low95, high95) = CentralInterval(sorted, 0.95);
        double se2 = realizedSe * realizedSe;
        return new PositionForecast(
            mean,
            sd,
            low80,
            high80,
            realized >= low80 && realized <= high80,
            realized >= low95 && realized <= high95,
            ProbabilityInside(low80, high80, realized, realizedSe),
            ProbabilityInside(low95, high95, realized, realizedSe),
            ((realized - mean) * (realized - mean)) + se2,
            GaussianLogScore(realized, mean, sd) - (se2 / (2 * sd * sd)),
            ExpectedCrps(mean, sd, realized, realizedSe));
    }

    /// <summary>P(L &lt;= theta &lt;= U) for theta ~ N(centre, se^2): Phi((U - centre) / se) - Phi((L - centre) / se); the indicator when se = 0.</summary>
    public static double ProbabilityInside(double lower, double upper, double centre, double se)
    {
        if (se == 0)
        {
            return centre >= lower && centre <= upper ? 1 : 0;
        }

        return StandardNormal.Cdf((upper - centre) / se) - StandardNormal.Cdf((lower - centre) / se);
    }

    /// <summary>log N(x; mean, sd^2) = -log(sd sqrt(2 pi)) - (x - mean)^2 / (2 sd^2); sd &gt; 0.</summary>
    public static double GaussianLogScore(double x, double mean, double sd)
    {
        if (!(sd > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation must be > 0.");
        }

        double z = (x - mean) / sd;
        return -LogSqrtTwoPi - Math.Log(sd) - (0.5 * z * z);
    }

    /// <summary>
    /// E CRPS(N(mean, sd^2), theta) for theta ~ N(centre, se^2): E|D| - sd / sqrt(pi) with D ~ N(mu, sigma^2),
    /// mu = mean - centre, sigma = sqrt(sd^2 + se^2), E|D| = sigma sqrt(2 / pi) exp(-mu^2 / (2 sigma^2)) + mu (2 Phi(mu / sigma) - 1).
    /// With se = 0 this is the closed form sd [z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi)], z = (centre - mean) / sd.
    /// </summary>
    public static double ExpectedCrps(double mean, double sd, double centre, double se)
    {
        if (!(sd > 0) || !(se >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "Needs sd > 0 and se >= 0.");
        }

        double mu = mean - centre;
        double sigma = Math.Sqrt((sd * sd) + (se * se));
        double absolute = (sigma * Math.Sqrt(2 / Math.PI) * Math.Exp(-(mu * mu) / (2 * sigma * sigma))) + (mu * ((2 * StandardNormal.Cdf(mu / sigma)) - 1));
        return absolute - (sd / Math.Sqrt(Math.PI));
    }

    /// <summary>
    /// The empirical q-quantile of <paramref name="sorted"/> (ascending), interpolated linearly between order
    /// statistics at position q (n - 1) (Hyndman and Fan's type 7, the default of R and NumPy).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty || !(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "Needs samples and a probability in [0, 1].");
        }

        double h = q * (sorted.Length - 1);
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>The central interval holding <paramref name="level"/> of the sorted samples: quantiles (1 - level) / 2 and (1 + level) / 2.</summary>
    public static (double Lower, double Upper) CentralInterval(ReadOnlySpan<double> sorted, double level) =>
        (Quantile(sorted, (1 - level) / 2), Quantile(sorted, (1 + level) / 2));
}
