namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The absence hurdle of <see cref="IdealPointEstimator"/>, a separate model from the votes: per member a logit a_t
/// with a random walk (a_t - a_t-1 ~ N(0, sa^2), first year ~ N(logit of the overall rate, sa0^2), or around the
/// anchor's rate after an earlier calibration), fitted to the member-year counts of absences by Newton's method to
/// convergence on sum_t [absent_t * a_t - records_t * log(1 + exp(a_t))] plus the prior, a tridiagonal system.
/// </summary>
/// <param name="first">Each member's first year index.</param>
/// <param name="count">Each member's number of years (0 without records).</param>
/// <param name="chain">Where each member's years start in the member-year arrays.</param>
/// <param name="absent">Absences per member-year.</param>
/// <param name="records">Records (votes and absences) per member-year.</param>
/// <param name="options">The absence prior's sizes.</param>
/// <param name="anchors">States fixed by an earlier calibration, or null.</param>
internal sealed class AbsenceHurdle(int[] first, int[] count, int[] chain, int[] absent, int[] records, CalibrationOptions options, CalibrationAnchors? anchors)
{
    private const int MaxNewtonSteps = 100;

    /// <summary>Fits every member; writes the absence rate of each member-year to <paramref name="rates"/> and returns the log-likelihood.</summary>
    public double Fit(ParallelOptions parallel, double[] rates)
    {
        long totalAbsent = absent.Sum(a => (long)a), totalRecords = records.Sum(r => (long)r);
        double rate = Math.Clamp((totalAbsent + 0.5) / (totalRecords + 1.0), 1e-6, 1 - 1e-6);
        double mu = Math.Log(rate / (1 - rate));
        var logLikelihood = new double[first.Length];
        Parallel.For(0, first.Length, parallel, m =>
        {
            if (count[m] > 0)
            {
                logLikelihood[m] = FitMember(m, mu, rates);
            }
        });

        return IdealPointFit.Sum(logLikelihood);
    }

    /// <summary>Newton's method for member <paramref name="m"/>'s logits; writes its rates and returns its log-likelihood.</summary>
    private double FitMember(int m, double mu, double[] rates)
    {
        int n = count[m];
        var solver = new BlockTridiagonalSolver(n, 1);
        var alpha = new double[n];
        var anchor = anchors?.Members[m];
        double centre = anchor is null ? mu : Math.Log(anchor.AbsenceRate / (1 - anchor.AbsenceRate));
        double qFirst = anchor is null ? 1 / (options.InitialAbsenceSd * options.InitialAbsenceSd) : 1 / ((first[m] - anchor.YearIndex) * options.AbsenceStepSd * options.AbsenceStepSd);
        Array.Fill(alpha, centre);
        var step = new double[n];
        for (int iteration = 0; iteration < MaxNewtonSteps; iteration++)
        {
            Assemble(m, alpha, centre, qFirst, solver);
            if (!solver.Solve(step) || TakeStep(alpha, step) < 1e-10)
            {
                break;
            }
        }

        double ll = 0;
        for (int t = 0; t < n; t++)
        {
            int at = chain[m] + t;
            rates[at] = Logistic(alpha[t]);
            ll += (absent[at] * alpha[t]) - (records[at] * Softplus(alpha[t]));
        }

        return ll;
    }

    /// <summary>Fills the solver with the Newton system at <paramref name="alpha"/>: the negative Hessian and the gradient.</summary>
    private void Assemble(int m, double[] alpha, double centre, double qFirst, BlockTridiagonalSolver solver)
    {
        int n = alpha.Length;
        double q = 1 / (options.AbsenceStepSd * options.AbsenceStepSd);
        solver.Reset(n);
        for (int t = 0; t < n; t++)
        {
            int at = chain[m] + t;
            double p = Logistic(alpha[t]);
            solver.RightHandSide(t)[0] = absent[at] - (records[at] * p);
            solver.Diagonal(t)[0] = records[at] * p * (1 - p);
        }

        solver.Diagonal(0)[0] += qFirst;
        solver.RightHandSide(0)[0] -= qFirst * (alpha[0] - centre);
        for (int t = 0; t + 1 < n; t++)
        {
            double diff = alpha[t + 1] - alpha[t];
            solver.Diagonal(t)[0] += q;
            solver.Diagonal(t + 1)[0] += q;
            solver.Coupling(t)[0] = -q;
            solver.RightHandSide(t)[0] += q * diff;
            solver.RightHandSide(t + 1)[0] -= q * diff;
        }
    }

    /// <summary>Adds the damped step to <paramref name="alpha"/>; returns the largest change.</summary>
    private static double TakeStep(double[] alpha, double[] step)
    {
        double largest = 0;
        for (int t = 0; t < alpha.Length; t++)
        {
            // Damped: a logit step larger than 2 is cut, which keeps Newton stable on sparse years.
            double s = Math.Clamp(step[t], -2, 2);
            alpha[t] += s;
            largest = Math.Max(largest, Math.Abs(s));
        }

        return largest;
    }

    private static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
}
