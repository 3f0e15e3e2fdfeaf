using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// The probability of an announced vote given a trial's shared draws: the ordered probit with unit noise on the
/// member's latent mean in that trial, as the kernel decides votes (no below <c>noBelow</c>, yes from <c>yesFrom</c>,
/// abstain between). <see cref="GivenPlan"/> accepts a trial with this probability (the product over announcing
/// members); the analog-kinds conditioning backtest weighs its trials by it.
/// </summary>
internal static class AnnouncedVoteLikelihood
{
    /// <summary>
    /// P(<paramref name="choice"/> | mean): yes Phi(mean - yesFrom), no Phi(noBelow - mean), abstain the rest (never
    /// below 0), in [0, 1]. A member whose noise has sd s passes mean, noBelow and yesFrom divided by s.
    /// </summary>
    /// <param name="choice">Yes, no or abstain; an absence carries no information and is an error.</param>
    /// <param name="mean">The member's latent mean in the trial.</param>
    /// <param name="noBelow">Cut-point tau_1 (may be -infinity).</param>
    /// <param name="yesFrom">Cut-point tau_2 &gt;= tau_1 (may be +infinity).</param>
    public static double Of(VoteChoice choice, double mean, double noBelow, double yesFrom) => choice switch
    {
        VoteChoice.Yes => StandardNormal.Cdf(mean - yesFrom),
        VoteChoice.No => StandardNormal.Cdf(noBelow - mean),
        VoteChoice.Abstain => Math.Max(0.0, StandardNormal.Cdf(yesFrom - mean) - StandardNormal.Cdf(noBelow - mean)),
        _ => throw new InvalidOperationException($"An announced {choice} carries no information and is not weighed."),
    };
}
