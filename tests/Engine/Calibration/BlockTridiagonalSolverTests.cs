using MathNet.Numerics.LinearAlgebra;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>The block Thomas solver and its inverse blocks against a dense LU solve of the same matrix.</summary>
public sealed class BlockTridiagonalSolverTests
{
    [Test]
    public void Solution_and_inverse_blocks_match_a_dense_solve()
    {
        const int n = 6, d = 3;
        var solver = new BlockTridiagonalSolver(n, d);
        solver.Reset(n);
        var dense = Matrix<double>.Build.Dense(n * d, n * d);
        var rhs = Vector<double>.Build.Dense(n * d);
        for (int t = 0; t < n; t++)
        {
            // Diagonally dominant symmetric blocks: positive definite.
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    double v = i == j ? 6 + t + i : 0.5 + (0.1 * (i + j + t));
                    solver.Diagonal(t)[(i * d) + j] = v;
                    dense[(t * d) + i, (t * d) + j] = v;
                }

                solver.RightHandSide(t)[i] = Math.Sin(t + i);
                rhs[(t * d) + i] = Math.Sin(t + i);
            }

            if (t + 1 < n)
            {
                for (int i = 0; i < d; i++)
                {
                    for (int j = 0; j < d; j++)
                    {
                        double c = -1.0 + (0.2 * i) - (0.1 * j);
                        solver.Coupling(t)[(i * d) + j] = c;
                        dense[(t * d) + i, ((t + 1) * d) + j] = c;
                        dense[((t + 1) * d) + j, (t * d) + i] = c;
                    }
                }
            }
        }

        var x = new double[n * d];
        Assert.That(solver.Solve(x), Is.True);
        var expected = dense.Solve(rhs);
        Assert.That(x, Is.EqualTo(expected.ToArray()).Within(1e-10));

        var variance = new double[n * d * d];
        var covariance = new double[(n - 1) * d * d];
        solver.Inverse(variance, covariance);
        var inverse = dense.Inverse();
        for (int t = 0; t < n; t++)
        {
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    Assert.That(variance[(t * d * d) + (i * d) + j], Is.EqualTo(inverse[(t * d) + i, (t * d) + j]).Within(1e-12), $"block {t} ({i},{j})");
                    if (t + 1 < n)
                    {
                        Assert.That(covariance[(t * d * d) + (i * d) + j], Is.EqualTo(inverse[(t * d) + i, ((t + 1) * d) + j]).Within(1e-12), $"cross {t} ({i},{j})");
                    }
                }
            }
        }
    }

    [Test]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        var solver = new BlockTridiagonalSolver(2, 1);
        solver.Reset(2);
        solver.Diagonal(0)[0] = 1;
        solver.Diagonal(1)[0] = 1;
        solver.Coupling(0)[0] = 2;

        Assert.That(solver.Solve(new double[2]), Is.False);
    }
}
