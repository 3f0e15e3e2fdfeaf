namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Solves M x = b for a symmetric positive definite block-tridiagonal matrix M (n blocks of size d x d) by the
/// block Thomas algorithm, and gives the diagonal blocks of M^-1 and the covariances of neighbouring blocks.
/// A workspace: create one per thread and reuse it for many systems of at most the capacity it was made for.
/// </summary>
/// <remarks>
/// <para>M has diagonal blocks D_t and couplings C_t = M[t, t+1] (so M[t+1, t] = C_t^T). Forward elimination forms the
/// Schur complements S_1 = D_1, S_t = D_t - C_{t-1}^T S_{t-1}^-1 C_{t-1} and y_1 = b_1,
/// y_t = b_t - C_{t-1}^T S_{t-1}^-1 y_{t-1}; back substitution gives x_n = S_n^-1 y_n,
/// x_t = S_t^-1 (y_t - C_t x_{t+1}). Each S_t is factored by Cholesky, so the cost is O(n d^3) and the solve fails
/// (returns false) only if M is not positive definite.</para>
/// <para>Inverse: the trailing block of M^-1 is S_n^-1 and, going back,
/// Sigma_t = S_t^-1 + S_t^-1 C_t Sigma_{t+1} C_t^T S_t^-1, Sigma_{t,t+1} = -S_t^-1 C_t Sigma_{t+1} (the inverse of
/// a Schur complement is the matching block of the inverse). With M the negative Hessian of a log-posterior these
/// are the Laplace-approximation covariances.</para>
/// </remarks>
public sealed class BlockTridiagonalSolver
{
    private readonly int _d;
    private readonly double[] _diagonal;
    private readonly double[] _coupling;
    private readonly double[] _rhs;
    private readonly double[] _factor;
    private readonly double[] _y;
    private readonly double[] _work;
    private readonly double[] _work2;
    private int _blocks;

    /// <summary>Creates a workspace for up to <paramref name="capacity"/> blocks of size <paramref name="dimension"/>.</summary>
    public BlockTridiagonalSolver(int capacity, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        _d = dimension;
        Capacity = capacity;
        int dd = dimension * dimension;
        _diagonal = new double[capacity * dd];
        _coupling = new double[capacity * dd];
        _rhs = new double[capacity * dimension];
        _factor = new double[capacity * dd];
        _y = new double[capacity * dimension];
        _work = new double[dd];
        _work2 = new double[dd];
    }

    /// <summary>Most blocks a system may have.</summary>
    public int Capacity { get; }

    /// <summary>Size d of each block.</summary>
    public int Dimension => _d;

    /// <summary>Starts a new system of <paramref name="blocks"/> blocks, all entries zero.</summary>
    public void Reset(int blocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks, Capacity);
        _blocks = blocks;
        int dd = _d * _d;
        Array.Clear(_diagonal, 0, blocks * dd);
        Array.Clear(_coupling, 0, blocks * dd);
        Array.Clear(_rhs, 0, blocks * _d);
    }

    /// <summary>Diagonal block D_t, row-major d x d (write both triangles).</summary>
    public Span<double> Diagonal(int t) => _diagonal.AsSpan(t * _d * _d, _d * _d);

    /// <summary>Coupling block C_t = M[t, t+1], row-major d x d, for t &lt; n - 1.</summary>
    public Span<double> Coupling(int t) => _coupling.AsSpan(t * _d * _d, _d * _d);

    /// <summary>Right-hand side b_t.</summary>
    public Span<double> RightHandSide(int t) => _rhs.AsSpan(t * _d, _d);

    /// <summary>Solves M x = b into <paramref name="solution"/> (n * d values); false if M is not positive definite.</summary>
    public bool Solve(Span<double> solution)
    {
        if (!Eliminate())
        {
            return false;
        }

        BackSubstitute(solution);
        return true;
    }

    /// <summary>
    /// The forward sweep of the block Thomas algorithm: S_t = D_t - C^T S_{t-1}^-1 C, factored by Cholesky, and
    /// y_t = b_t - C^T S_{t-1}^-1 y_{t-1}; false if some S_t is not positive definite.
    /// </summary>
    private bool Eliminate()
    {
        int n = _blocks, d = _d, dd = d * d;
        for (int t = 0; t < n; t++)
        {
            var s = _factor.AsSpan(t * dd, dd);
            Diagonal(t).CopyTo(s);
            var y = _y.AsSpan(t * d, d);
            RightHandSide(t).CopyTo(y);
            if (t > 0)
            {
                SubtractPrevious(t, s, y);
            }

            if (!Cholesky(s, d))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>s -= C^T S_{t-1}^-1 C and y -= C^T S_{t-1}^-1 y_{t-1}, with C the coupling of blocks t - 1 and t.</summary>
    private void SubtractPrevious(int t, Span<double> s, Span<double> y)
    {
        int d = _d, dd = d * d;
        var work = _work.AsSpan();
        var c = Coupling(t - 1);
        var previous = _factor.AsSpan((t - 1) * dd, dd);
        c.CopyTo(work);
        SolveColumns(previous, work, d);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++)
                {
                    sum += c[(k * d) + i] * work[(k * d) + j];
                }

                s[(i * d) + j] -= sum;
            }
        }

        var yPrevious = _y.AsSpan((t - 1) * d, d);
        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            for (int k = 0; k < d; k++)
            {
                sum += work[(k * d) + i] * yPrevious[k];
            }

            // work = S^-1 C, so (C^T S^-1 y)_i = sum_k (S^-1 C)_{k i} y_k since S^-1 is symmetric.
            y[i] -= sum;
        }
    }

    /// <summary>The backward sweep: x_t = S_t^-1 (y_t - C_t x_{t+1}) from the last block to the first.</summary>
    private void BackSubstitute(Span<double> solution)
    {
        int n = _blocks, d = _d, dd = d * d;
        for (int t = n - 1; t >= 0; t--)
        {
            var x = solution.Slice(t * d, d);
            _y.AsSpan(t * d, d).CopyTo(x);
            if (t < n - 1)
            {
                var c = Coupling(t);
                var next = solution.Slice((t + 1) * d, d);
                for (int i = 0; i < d; i++)
                {
                    double sum = 0;
                    for (int k = 0; k < d; k++)
                    {
                        sum += c[(i * d) + k] * next[k];
                    }

                    x[i] -= sum;
                }
            }

            SolveVector(_factor.AsSpan(t * dd, dd), x, d);
        }
    }

    /// <summary>
    /// After a successful <see cref="Solve"/>: the diagonal blocks Sigma_t of M^-1 into <paramref name="variance"/>
    /// (n * d * d values, row-major blocks) and the neighbour covariances Sigma_{t,t+1} into
    /// <paramref name="covariance"/> ((n - 1) * d * d values; may be empty to skip them).
    /// </summary>
    public void Inverse(Span<double> variance, Span<double> covariance)
    {
        int n = _blocks, d = _d, dd = d * d;
        var sInvC = _work.AsSpan();
        var temp = _work2.AsSpan();
        var last = variance.Slice((n - 1) * dd, dd);
        Identity(last, d);
        SolveColumns(_factor.AsSpan((n - 1) * dd, dd), last, d);
        for (int t = n - 2; t >= 0; t--)
        {
            var factor = _factor.AsSpan(t * dd, dd);
            var sigmaNext = variance.Slice((t + 1) * dd, dd);
            var sigma = variance.Slice(t * dd, dd);

            // sInvC = S_t^-1 C_t
            Coupling(t).CopyTo(sInvC);
            SolveColumns(factor, sInvC, d);

            // temp = S_t^-1 C_t Sigma_{t+1}
            Multiply(sInvC, sigmaNext, temp, d);
            if (!covariance.IsEmpty)
            {
                var cross = covariance.Slice(t * dd, dd);
                for (int k = 0; k < dd; k++)
                {
                    cross[k] = -temp[k];
                }
            }

            // Sigma_t = S_t^-1 + temp (S_t^-1 C_t)^T
            Identity(sigma, d);
            SolveColumns(factor, sigma, d);
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    double sum = 0;
                    for (int k = 0; k < d; k++)
                    {
                        sum += temp[(i * d) + k] * sInvC[(j * d) + k];
                    }

                    sigma[(i * d) + j] += sum;
                }
            }
        }
    }

    private static void Identity(Span<double> m, int d)
    {
        m.Clear();
        for (int i = 0; i < d; i++)
        {
            m[(i * d) + i] = 1.0;
        }
    }

    private static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result, int d)
    {
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++)
                {
                    sum += a[(i * d) + k] * b[(k * d) + j];
                }

                result[(i * d) + j] = sum;
            }
        }
    }

    /// <summary>In-place Cholesky M = L L^T; L is left in the lower triangle. False if M is not positive definite.</summary>
    internal static bool Cholesky(Span<double> m, int d)
    {
        for (int j = 0; j < d; j++)
        {
            double diagonal = m[(j * d) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= m[(j * d) + k] * m[(j * d) + k];
            }

            if (!(diagonal > 0) || !double.IsFinite(diagonal))
            {
                return false;
            }

            double root = Math.Sqrt(diagonal);
            m[(j * d) + j] = root;
            for (int i = j + 1; i < d; i++)
            {
                double sum = m[(i * d) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= m[(i * d) + k] * m[(j * d) + k];
                }

                m[(i * d) + j] = sum / root;
            }
        }

        return true;
    }

    /// <summary>Solves (L L^T) x = v in place, L the Cholesky factor in the lower triangle of <paramref name="factor"/>.</summary>
    internal static void SolveVector(ReadOnlySpan<double> factor, Span<double> v, int d)
    {
        for (int i = 0; i < d; i++)
        {
            double sum = v[i];
            for (int k = 0; k < i; k++)
            {
                sum -= factor[(i * d) + k] * v[k];
            }

            v[i] = sum / factor[(i * d) + i];
        }

        for (int i = d - 1; i >= 0; i--)
        {
            double sum = v[i];
            for (int k = i + 1; k < d; k++)
            {
                sum -= factor[(k * d) + i] * v[k];
            }

            v[i] = sum / factor[(i * d) + i];
        }
    }

    /// <summary>Solves (L L^T) X = B in place for a row-major d x d matrix B, column by column.</summary>
    private static void SolveColumns(ReadOnlySpan<double> factor, Span<double> b, int d)
    {
        Span<double> column = stackalloc double[d];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < d; i++)
            {
                column[i] = b[(i * d) + j];
            }

            SolveVector(factor, column, d);
            for (int i = 0; i < d; i++)
            {
                b[(i * d) + j] = column[i];
            }
        }
    }
}
