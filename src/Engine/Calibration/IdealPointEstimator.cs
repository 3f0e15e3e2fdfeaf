namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Calibrates the vote model of docs/design.md, section The vote model, on recorded roll calls: a dynamic ordered probit with issue offsets and
/// a separate absence hurdle, estimated jointly by maximum a posteriori (MAP) in alternating blocks.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Member i in year t has a position theta_it and offsets delta_itk for the K issue areas. On roll
/// call j (year t, issue areas K_j) its latent support is y* = beta_j * x_ij + e, e ~ N(0, 1), with
/// x_ij = theta_it + (1 / |K_j|) sum_{k in K_j} delta_itk; it votes no below tau_1j, yes from tau_2j, abstains in
/// between (<see cref="OrderedProbit"/>). Priors: theta_i,first ~ N(0, s0^2); theta_it - theta_i,t-1 ~ N(0, s^2)
/// (random walk: positions drift smoothly); delta_itk ~ N(0, L^2) each year and delta_itk - delta_i,t-1,k ~ N(0, sd^2);
/// (beta, tau_1, tau_2) ~ N(0, diag(b^2, c^2, c^2)), and roll calls bridged as the same resolution pulled together,
/// p_j - p_j' ~ N(0, r^2) per component (<see cref="CalibrationOptions"/>).</para>
/// <para><b>Estimation.</b> Repeat until the largest position change is below the tolerance:
/// (a) per member, one Newton step on all its years at once: the log-posterior is concave in the member's states
/// (theta_t, delta_t), its Hessian is block tridiagonal (the random walk couples only neighbouring years), so the
/// step is solved by the block Thomas algorithm (<see cref="BlockTridiagonalSolver"/>) in O(years * (1 + K)^3), with
/// a backtracking line search; (b) per roll call, Newton on (beta, tau_1, tau_2) (<see cref="RollCallFitter"/>),
/// bridged partners' values taken from the previous iteration (Jacobi, so the result does not depend on the order or
/// the number of threads); (c) identification: positions are re-centred and re-scaled to mean 0 and standard
/// deviation 1 over member-years with votes (x' = (x - m) / s, beta' = beta * s, tau' = tau - beta * m, which leaves
/// every probability unchanged) and flipped (x' = -x, beta' = -beta) when the polarity member's latest position is
/// negative.</para>
/// <para><b>Uncertainty.</b> Standard errors are the Laplace approximation: the square roots of the diagonal of the
/// inverse negative Hessian of each member's block (the block-tridiagonal inverse), given the roll-call parameters;
/// roll-call standard errors likewise from their 3 x 3 Hessian given the positions.</para>
/// <para><b>Absence.</b> A separate hurdle, not a vote category: per member a logit a_it with a random walk
/// (a_it - a_i,t-1 ~ N(0, sa^2), first year ~ N(logit of the overall rate, sa0^2)), fitted to the member-year counts of
/// absences by Newton's method on the same tridiagonal structure; the absence rate is logistic(a_it).</para>
/// <para><b>Incremental fits.</b> With <see cref="CalibrationAnchors"/> only the last years are fitted: each member's
/// random walk starts from its state in the year before, fixed by an earlier calibration (<see cref="MemberAnchor"/>),
/// and the normalisation of step (c) maps the years the earlier calibration also had to the mean and spread they had
/// there instead of mean 0 and standard deviation 1 over all years; nothing is flipped.</para>
/// <para>Votes are laid out contiguously twice, by member (and year) for step (a) and by roll call for step (b);
/// members and roll calls are processed in parallel with per-thread workspaces, and every sum is taken in a fixed
/// order, so the result is identical for any thread count.</para>
/// </remarks>
public static class IdealPointEstimator
{
    /// <summary>Fits the model; deterministic for given inputs and options.</summary>
    /// <param name="input">The recorded roll calls.</param>
    /// <param name="options">Priors and stopping rules.</param>
    /// <param name="progress">Told after each outer iteration; may be null.</param>
    /// <param name="start">Starting values (a warm start), or null.</param>
    /// <param name="cancellationToken">Stops between iterations.</param>
    /// <param name="anchors">
    /// States and roll-call parameters fixed by an earlier calibration (an incremental fit of the last years), or null.
    /// With anchors the position step must be given (<see cref="CalibrationOptions.EstimatePositionStep"/> false) and
    /// the positions keep the anchors' scale (no re-centring, re-scaling or flipping).
    /// </param>
    public static CalibrationResult Fit(CalibrationInput input, CalibrationOptions options, IProgress<CalibrationProgress>? progress = null, CalibrationStart? start = null, CalibrationAnchors? anchors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ValidateAnchors(input, options, anchors);
        if (options.PolarityMember >= input.MemberCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The polarity member is out of range.");
        }

        using var state = new IdealPointFit(input, options, anchors);
        state.Run(progress, start, cancellationToken);
        return state.Result;
    }

    private static void ValidateAnchors(CalibrationInput input, CalibrationOptions options, CalibrationAnchors? anchors)
    {
        if (anchors is null)
        {
            return;
        }

        if (options.EstimatePositionStep)
        {
            throw new ArgumentException("An anchored fit keeps the earlier calibration's position step: EstimatePositionStep must be false.", nameof(options));
        }

        if (anchors.Members.Count != input.MemberCount || anchors.RollCallPartners.Count != input.RollCallCount)
        {
            throw new ArgumentException("One anchor entry per member and one partner list per roll call.", nameof(anchors));
        }

        if (anchors.Members.Any(a => a is not null && (a.YearIndex >= 0 || a.State.Count != 1 + input.IssueCount || !(a.AbsenceRate > 0 && a.AbsenceRate < 1) || !(a.ThetaVariance >= 0))))
        {
            throw new ArgumentException("An anchor must lie before the fitted years, hold theta and one offset per issue area, and an absence rate in (0, 1).", nameof(anchors));
        }
    }
}
