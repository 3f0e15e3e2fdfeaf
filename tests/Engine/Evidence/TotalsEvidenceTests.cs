using StemSimulator.Engine.Evidence;
using StemSimulator.Engine.Model;

namespace StemSimulator.Tests.Engine.Evidence;

/// <summary>The totals-only conditioning against hand-computed posteriors.</summary>
public sealed class TotalsEvidenceTests
{
    [Test]
    public void Totals_of_identical_members_reveal_the_common_shift()
    {
        // 150 identical members: P(yes | c) = Phi(c - 1), P(no | c) = Phi(-1 - c). 120 yes of 150 means Phi(c - 1) = 0.8,
        // so c = 1 + 0.8416 = 1.8416 (the no count, 30 - abstentions, is consistent with it: abstentions 30 - 150 Phi(-2.84)).
        var leans = Enumerable.Repeat(new MemberLean(0, 0, -1, 1, 0), 150).ToArray();
        var blocs = Enumerable.Repeat((IReadOnlyList<int>)[], 150).ToArray();
        int no = (int)Math.Round(150 * StemSimulator.Engine.Randomness.StandardNormal.Cdf(-1 - 1.8416));

        var posterior = TotalsEvidence.Condition(leans, blocs, 1.0, [], 120, no, 150 - 120 - no);

        Assert.That(posterior.CommonShift, Is.EqualTo(1.8416).Within(0.05));
        Assert.That(posterior.CommonSd, Is.GreaterThan(0).And.LessThan(0.2), "150 votes pin the shift down far more than its prior sd of 1");
        Assert.That(posterior.EffectiveDraws, Is.GreaterThan(500));
    }

    [Test]
    public void Without_shocks_there_is_nothing_to_learn()
    {
        var leans = Enumerable.Repeat(new MemberLean(0.5, 0.2, -1, 1, 0.1), 50).ToArray();
        var blocs = Enumerable.Repeat((IReadOnlyList<int>)[0], 50).ToArray();

        var posterior = TotalsEvidence.Condition(leans, blocs, 0, [0.0], 10, 20, 15);

        Assert.That(posterior.CommonShift, Is.Zero);
        Assert.That(posterior.BlocShifts[0], Is.Zero);
    }
}
