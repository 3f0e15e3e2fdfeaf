namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// A central range of a count and its scores: the interval score of Gneiting and Raftery (2007), width plus
/// 2 / alpha times the distance by which the outcome falls outside, for a central (1 - alpha) range.
/// </summary>
/// <param name="Lower">The lower end, included.</param>
/// <param name="Upper">The upper end, included (&gt;= <paramref name="Lower"/>).</param>
public readonly record struct CountInterval(int Lower, int Upper)
{
    /// <summary>Upper minus lower (0 for a single count).</summary>
    public int Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies in the range, both ends included.</summary>
    public bool Covers(int value) => value >= Lower && value <= Upper;

    /// <summary>
    /// The interval score of this range as a central <paramref name="level"/> range (alpha = 1 - level, 0 &lt; level &lt; 1)
    /// for the outcome <paramref name="value"/>: width + (2 / alpha) (Lower - value) when below, + (2 / alpha)
    /// (value - Upper) when above. Lower is better; a range that covers scores its width.
    /// </summary>
    public double Score(int value, double level)
    {
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A central range's level lies strictly between 0 and 1.");
        }

        double penalty = 2 / (1 - level);
        double below = value < Lower ? Lower - value : 0;
        double above = value > Upper ? value - Upper : 0;
        return Width + (penalty * (below + above));
    }

    /// <summary>
    /// The central <paramref name="level"/> range of the samples <paramref name="sorted"/>: from the (1 - level) / 2 to the
    /// (1 + level) / 2 quantile, quantile q being the smallest sample whose empirical distribution function reaches q
    /// (as <see cref="Calibration.RollCallCountSimulator.Covers"/> counts). <paramref name="sorted"/> must be in
    /// ascending order and not empty.
    /// </summary>
    public static CountInterval Central(ReadOnlySpan<int> sorted, double level)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No samples.", nameof(sorted));
        }

        return new CountInterval(Quantile(sorted, (1 - level) / 2), Quantile(sorted, (1 + level) / 2));
    }

    /// <summary>The smallest of the ascending <paramref name="sorted"/> whose empirical distribution function reaches <paramref name="q"/>.</summary>
    public static int Quantile(ReadOnlySpan<int> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling((q * sorted.Length) - 1e-9) - 1, 0, sorted.Length - 1)];
}
