namespace StemSimulator.Engine.Drift;

/// <summary>
/// The linear map y = Intercept + Slope * x carrying positions of one calibration (x) onto the scale of another (y),
/// fitted by least squares on the member-years both estimate. Two calibrations of the same roll calls differ by such a
/// map when each normalises its positions (mean 0, sd 1) over its own years; a negative slope would mean opposite
/// polarity.
/// </summary>
/// <param name="Intercept">Intercept a.</param>
/// <param name="Slope">Slope b.</param>
/// <param name="ResidualSd">Root-mean-square residual of the fit.</param>
/// <param name="RSquared">Share of the variance of y explained.</param>
/// <param name="Pairs">Member-years fitted.</param>
public sealed record ScaleAlignment(double Intercept, double Slope, double ResidualSd, double RSquared, int Pairs)
{
    /// <summary>The identity map.</summary>
    public static ScaleAlignment Identity { get; } = new(0, 1, 0, 1, 0);

    /// <summary>Maps a position.</summary>
    public double Map(double x) => Intercept + (Slope * x);

    /// <summary>Maps a standard deviation (or a volatility).</summary>
    public double MapSd(double sd) => Math.Abs(Slope) * sd;

    /// <summary>Fits the map on pairs (x, y); needs at least two distinct x.</summary>
    public static ScaleAlignment Fit(IReadOnlyList<(double X, double Y)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int n = pairs.Count;
        double mx = 0, my = 0;
        foreach (var (x, y) in pairs)
        {
            mx += x;
            my += y;
        }

        mx /= Math.Max(1, n);
        my /= Math.Max(1, n);
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxx += (x - mx) * (x - mx);
            sxy += (x - mx) * (y - my);
            syy += (y - my) * (y - my);
        }

        if (n < 2 || !(sxx > 0))
        {
            throw new ArgumentException("The scales are aligned on at least two member-years with different positions.", nameof(pairs));
        }

        double slope = sxy / sxx;
        double intercept = my - (slope * mx);
        double residual = Math.Max(0, syy - (slope * sxy));
        return new ScaleAlignment(intercept, slope, Math.Sqrt(residual / n), syy > 0 ? 1 - (residual / syy) : 1, n);
    }
}
