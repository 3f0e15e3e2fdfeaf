using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.ConcernedParty;

/// <summary>
/// The concerned-party effect on an Assembly vote whose text addresses the conduct of named states
/// (docs/concerned-party.md).
/// </summary>
/// <remarks>
/// The concerned state votes no, abstains or votes yes with the fixed probabilities
/// (<see cref="PNo"/>, <see cref="PAbstain"/>, <see cref="PYes"/>): the posterior mean of a Dirichlet(1, 1, 1)
/// prior updated by the concerned states' votes on the labelled roll calls of the training years. Every other
/// member's latent support shifts by <c>Gamma0 + Gamma1 * x</c>, x its closeness to the concerned state
/// (<see cref="Closeness"/>: agreement rate or position distance); gamma by maximum
/// likelihood of the ordered probit with the calibrated positions and roll-call parameters held fixed.
/// </remarks>
/// <param name="PNo">P(no) of the concerned state, in [0, 1].</param>
/// <param name="PAbstain">P(abstain) of the concerned state, in [0, 1].</param>
/// <param name="PYes">P(yes) of the concerned state, in [0, 1]; the three add up to at most 1 (the rest is absence).</param>
/// <param name="Gamma0">Shift of every other member's latent support at agreement 0; finite.</param>
/// <param name="Gamma1">Change of the shift per unit of agreement rate; finite.</param>
/// <param name="Gamma0StandardError">Standard error of <paramref name="Gamma0"/>, &gt;= 0.</param>
/// <param name="Gamma1StandardError">Standard error of <paramref name="Gamma1"/>, &gt;= 0.</param>
public sealed record ConcernedPartyEffect(
    double PNo,
    double PAbstain,
    double PYes,
    double Gamma0,
    double Gamma1,
    double Gamma0StandardError,
    double Gamma1StandardError)
{
    /// <summary>The closeness measure x of the partners' shift gamma0 + gamma1 * x.</summary>
    public PartnerCloseness Closeness { get; init; } = PartnerCloseness.Agreement;

    /// <summary>
    /// The effect estimated on the labelled Assembly roll calls of 1990-2009 by
    /// <c>stemsim backtest --concerned-party --train-from 1990 --train-until 2009</c> with the position distance
    /// |theta_i - theta_c| as closeness (the measure with the lower training log loss; docs/concerned-party.md).
    /// </summary>
    public static ConcernedPartyEffect Estimated1990To2009 { get; } = new(0.9462, 0.0435, 0.0104, 0.2257, -0.1830, 0.0171, 0.0135) { Closeness = PartnerCloseness.PositionDistance };

    /// <summary>
    /// The concerned state's posterior probabilities from its counts of no, abstain and yes votes under a
    /// Dirichlet(1, 1, 1) prior: (count + 1) / (total + 3) each.
    /// </summary>
    public static (double No, double Abstain, double Yes) Posterior(int no, int abstain, int yes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(no);
        ArgumentOutOfRangeException.ThrowIfNegative(abstain);
        ArgumentOutOfRangeException.ThrowIfNegative(yes);
        double total = no + abstain + yes + 3.0;
        return ((no + 1) / total, (abstain + 1) / total, (yes + 1) / total);
    }

    /// <summary>The concerned state's lean: its fixed probabilities in the latent form (<see cref="MemberLean.FromProbabilities"/>).</summary>
    public MemberLean ConcernedLean() => MemberLean.FromProbabilities(PYes, PAbstain, PNo);

    /// <summary>
    /// The shift of another member's latent support, given its closeness <paramref name="closeness"/> to the concerned
    /// state (an agreement rate in [0, 1], or a position distance &gt;= 0, as <see cref="Closeness"/> says).
    /// </summary>
    public double PartnerShift(double closeness)
    {
        bool valid = Closeness switch
        {
            PartnerCloseness.Agreement => closeness >= 0 && closeness <= 1,
            PartnerCloseness.PositionDistance => closeness >= 0 && double.IsFinite(closeness),
            _ => throw new InvalidOperationException($"Unknown closeness measure {Closeness}."),
        };
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(nameof(closeness), closeness, Closeness == PartnerCloseness.Agreement ? "An agreement rate lies in [0, 1]." : "A position distance is finite and >= 0.");
        }

        return Gamma0 + (Gamma1 * closeness);
    }
}
