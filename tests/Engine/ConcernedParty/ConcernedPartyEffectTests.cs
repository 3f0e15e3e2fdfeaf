using StemSimulator.Engine.ConcernedParty;

namespace StemSimulator.Tests.Engine.ConcernedParty;

public sealed class ConcernedPartyEffectTests
{
    [Test]
    public void Posterior_adds_one_to_each_count_over_the_total_plus_three()
    {
        // 8 no, 1 abstain, 0 yes: (9, 2, 1) / 12.
        var (no, abstain, yes) = ConcernedPartyEffect.Posterior(8, 1, 0);

        Assert.That((no, abstain, yes), Is.EqualTo((0.75, 2.0 / 12, 1.0 / 12)));
    }

    [Test]
    public void Partner_shift_is_linear_in_the_agreement_rate()
    {
        var effect = new ConcernedPartyEffect(0.9, 0.05, 0.05, -0.1, 0.3, 0.01, 0.02);

        Assert.That(effect.PartnerShift(0), Is.EqualTo(-0.1).Within(1e-15));
        Assert.That(effect.PartnerShift(0.5), Is.EqualTo(0.05).Within(1e-15));
        Assert.That(effect.PartnerShift(1), Is.EqualTo(0.2).Within(1e-15));
        Assert.Throws<ArgumentOutOfRangeException>(() => effect.PartnerShift(1.5));
    }

    [Test]
    public void Partner_shift_by_position_distance_takes_any_distance_but_not_a_negative_one()
    {
        var effect = new ConcernedPartyEffect(0.9, 0.05, 0.05, 0.2, -0.1, 0.01, 0.02) { Closeness = PartnerCloseness.PositionDistance };

        Assert.That(effect.PartnerShift(3), Is.EqualTo(-0.1).Within(1e-15));
        Assert.Throws<ArgumentOutOfRangeException>(() => effect.PartnerShift(-0.1));
    }

    [Test]
    public void Concerned_lean_puts_the_no_cut_point_at_the_normal_quantile_of_p_no()
    {
        // p_no = 0.5 of a present member: tau1 = Phi^-1(0.5) = 0; p_no + p_abstain = 0.8413 (of 1): tau2 = 1.
        var lean = new ConcernedPartyEffect(0.5, 0.341344746, 0.158655254, 0, 0, 0, 0).ConcernedLean();

        Assert.That(lean.NoBelow, Is.EqualTo(0).Within(1e-9));
        Assert.That(lean.YesFrom, Is.EqualTo(1).Within(1e-6));
        Assert.That(lean.AbsenceProbability, Is.EqualTo(0).Within(1e-12));
    }
}
