namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// Defaults for the General Assembly follow-up of a Security Council veto, estimated by <c>stemsim veto-record</c> from
/// the vetoes of 1991-2021 and the recorded Assembly resolutions (method, matches and sensitivity in
/// docs/veto-record.md; the matched pairs in docs/veto_followups.csv).
/// </summary>
public static class VetoFollowUpDefaults
{
    /// <summary>
    /// Probability (0..1) that a recorded General Assembly resolution on the same subject follows a veto within
    /// <see cref="WindowDays"/> days: 16 of the 47 veto events of 1991-2021.
    /// </summary>
    public const double TablingProbability = 16.0 / 47.0;

    /// <summary>Lower end of the 90% (Jeffreys) interval of <see cref="TablingProbability"/>.</summary>
    public const double TablingProbabilityLow90 = 0.236;

    /// <summary>Upper end of the 90% (Jeffreys) interval of <see cref="TablingProbability"/>.</summary>
    public const double TablingProbabilityHigh90 = 0.459;

    /// <summary>Veto events (vetoes cast on one day on one topic) the tabling probability rests on.</summary>
    public const int VetoEvents = 47;

    /// <summary>Veto events that were followed up.</summary>
    public const int FollowedUpEvents = 16;

    /// <summary>Days after the veto within which a vote counts as its follow-up.</summary>
    public const int WindowDays = 90;

    /// <summary>
    /// Default backlash: the shift of members' latent support (probit units, + = more support for the follow-up) after
    /// a veto. Zero, because the record does not identify it: the mean shift of 15 follow-ups against the last earlier
    /// vote on the same subject is -0.042 with a 90% interval of -0.311 to +0.227.
    /// </summary>
    public const double Backlash = 0.0;

    /// <summary>Lower end of the 90% interval of the mean backlash (probit units).</summary>
    public const double BacklashLow90 = -0.311;

    /// <summary>Upper end of the 90% interval of the mean backlash (probit units).</summary>
    public const double BacklashHigh90 = 0.227;

    /// <summary>
    /// Spread (standard deviation, probit units) of one follow-up's shift against its comparison vote: 0.591. It mixes
    /// any backlash with the difference of the texts, so it bounds rather than measures the uncertainty of a backlash.
    /// </summary>
    public const double BacklashSpread = 0.591;

    /// <summary>Follow-ups with a comparison vote the backlash rests on.</summary>
    public const int BacklashFollowUps = 15;
}
