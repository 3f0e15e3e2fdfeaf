using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Model;

/// <summary>
/// How one member leans on one vote, in the ordered-probit form of the vote model (docs/design.md, section The vote model).
/// </summary>
/// <remarks>
/// In a trial the member is first absent with probability <see cref="AbsenceProbability"/>. Otherwise its
/// latent support is <c>u = Mean + PositionLoading * z + s + e</c>, with z ~ N(0,1) the trial's draw of the
/// member's position (shared by every vote of the trial), s the sum of the vote's global and bloc shocks, and
/// e ~ N(0,1) the member's own noise. It votes no when <c>u &lt; NoBelow</c>, yes when <c>u &gt;= YesFrom</c>,
/// and abstains in between. With <c>Mean = beta * theta</c> and <c>PositionLoading = beta * se(theta)</c> this
/// is P(vote &gt;= k) = Phi(beta * theta - tau_k).
/// A <see cref="Fixed"/> choice overrides everything (the member certainly votes so).
/// </remarks>
/// <param name="Mean">beta * theta plus any scenario shift; any finite number.</param>
/// <param name="PositionLoading">beta * standard error of theta; finite (0 for no position uncertainty).</param>
/// <param name="NoBelow">Cut-point tau_1 between no and abstain; may be -infinity (never no).</param>
/// <param name="YesFrom">Cut-point tau_2 between abstain and yes, &gt;= NoBelow; may be +infinity (never yes).</param>
/// <param name="AbsenceProbability">Probability of being absent, in [0, 1].</param>
/// <param name="Fixed">A certain vote, or null.</param>
public readonly record struct MemberLean(
    double Mean,
    double PositionLoading,
    double NoBelow,
    double YesFrom,
    double AbsenceProbability,
    VoteChoice? Fixed = null)
{
    /// <summary>A member whose vote is certain.</summary>
    public static MemberLean Certain(VoteChoice choice) => new(0, 0, 0, 0, choice == VoteChoice.Absent ? 1 : 0, choice);

    /// <summary>
    /// A member with given probabilities of each choice (before shocks): P(no) = pNo, P(abstain) = pAbstain,
    /// P(yes) = pYes, P(absent) = 1 - pYes - pAbstain - pNo. Expressed in the latent form with Mean 0 and
    /// cut-points at the normal quantiles of the conditional probabilities given presence, so shocks move it
    /// like any other member.
    /// </summary>
    public static MemberLean FromProbabilities(double pYes, double pAbstain, double pNo)
    {
        if (!(pYes >= 0 && pAbstain >= 0 && pNo >= 0) || pYes + pAbstain + pNo > 1 + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(pYes), "Probabilities must be non-negative and sum to at most 1.");
        }

        double present = Math.Min(1.0, pYes + pAbstain + pNo);
        if (present <= 0)
        {
            return Certain(VoteChoice.Absent);
        }

        double noBelow = Randomness.StandardNormal.InverseCdf(pNo / present);
        double yesFrom = Randomness.StandardNormal.InverseCdf(Math.Min(1.0, (pNo + pAbstain) / present));
        return new MemberLean(0, 0, noBelow, yesFrom, 1 - present);
    }

    /// <summary>Throws when the lean breaks its invariants.</summary>
    public void Validate()
    {
        if (Fixed is not null)
        {
            return;
        }

        if (!double.IsFinite(Mean) || !double.IsFinite(PositionLoading))
        {
            throw new ArgumentOutOfRangeException(nameof(Mean), "Mean and position loading must be finite.");
        }

        if (double.IsNaN(NoBelow) || double.IsNaN(YesFrom) || NoBelow > YesFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(NoBelow), $"Cut-points must be ordered: {NoBelow} <= {YesFrom}.");
        }

        if (!(AbsenceProbability >= 0 && AbsenceProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(AbsenceProbability), AbsenceProbability, "Must be in [0, 1].");
        }
    }
}
