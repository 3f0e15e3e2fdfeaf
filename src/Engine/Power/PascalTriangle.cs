namespace StemSimulator.Engine.Power;

/// <summary>
/// Binomial coefficients C(n, k) for 0 &lt;= k &lt;= n &lt;= N as doubles, built by Pascal's rule
/// C(n, k) = C(n-1, k-1) + C(n-1, k): only additions, so every coefficient below 2^53 is exact and larger ones carry
/// one rounding per addition (relative error about 1e-16 times the row number).
/// </summary>
internal sealed class PascalTriangle
{
    private readonly double[][] _rows;

    /// <summary>Builds rows 0 to <paramref name="maxN"/> (0 to <see cref="CouncilDefinition.MaxMembers"/>; C(1000, 500) is about 2.7e299, still a finite double).</summary>
    public PascalTriangle(int maxN)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxN);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxN, CouncilDefinition.MaxMembers);
        _rows = new double[maxN + 1][];
        _rows[0] = [1.0];
        for (int n = 1; n <= maxN; n++)
        {
            var previous = _rows[n - 1];
            var row = new double[n + 1];
            row[0] = 1.0;
            row[n] = 1.0;
            for (int k = 1; k < n; k++)
            {
                row[k] = previous[k - 1] + previous[k];
            }

            _rows[n] = row;
        }
    }

    /// <summary>The row C(n, 0..n).</summary>
    public ReadOnlySpan<double> Row(int n) => _rows[n];

    /// <summary>C(n, k).</summary>
    public double this[int n, int k] => _rows[n][k];
}
