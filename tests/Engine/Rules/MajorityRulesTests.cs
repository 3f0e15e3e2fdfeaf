using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Engine.Rules;

/// <summary>
/// Every majority rule, Council decision, body and estimator has a name that reads back to itself, and each
/// majority rule's threshold form (the one the exact estimator and the briefing use) agrees with its adoption test.
/// </summary>
public sealed class MajorityRulesTests
{
    [Test]
    public void Threshold_form_agrees_with_the_adoption_test_for_every_rule([Values] MajorityRule rule)
    {
        for (int no = 0; no <= 60; no++)
        {
            for (int yes = 0; yes <= 150; yes++)
            {
                bool threshold = yes - (rule.NoWeight() * no) >= rule.MinimumMargin() && (!rule.RequiresAYes() || yes > 0);
                Assert.That(MajorityRules.IsAdopted(yes, no, rule), Is.EqualTo(threshold), $"{rule}: {yes} yes, {no} no");
                Assert.That(MajorityRules.IsAdopted(yes, no, rule), Is.EqualTo(yes >= rule.YesNeeded(no)), $"{rule}: {yes} yes, {no} no");
            }
        }
    }

    [Test]
    public void Hand_checked_thresholds()
    {
        Assert.That(MajorityRule.Simple.YesNeeded(0), Is.EqualTo(1));
        Assert.That(MajorityRule.Simple.YesNeeded(40), Is.EqualTo(41));
        Assert.That(MajorityRule.TwoThirds.YesNeeded(0), Is.EqualTo(1), "nobody voting adopts nothing");
        Assert.That(MajorityRule.TwoThirds.YesNeeded(40), Is.EqualTo(80), "80 of 120 is exactly two-thirds");
        Assert.That(MajorityRule.TwoThirds.Description(), Is.EqualTo("two-thirds majority"));
        Assert.That(MajorityRule.Simple.ThresholdDescription(), Is.EqualTo("more yes than no"));
    }

    [Test]
    public void Names_read_back_and_unknown_names_throw()
    {
        foreach (var rule in Enum.GetValues<MajorityRule>())
        {
            Assert.That(MajorityRules.Parse(rule.Name()), Is.EqualTo(rule));
        }

        foreach (var decision in Enum.GetValues<CouncilDecision>())
        {
            Assert.That(CouncilDecisions.Parse(decision.Name()), Is.EqualTo(decision));
        }

        Assert.That(Enum.GetValues<MajorityRule>().Select(r => r.Name()), Is.EqualTo(new[] { "simple", "two_thirds" }));
        Assert.That(Enum.GetValues<Body>().Select(b => b.Code()), Is.EqualTo(new[] { "GA", "SC" }));
        Assert.That(OutcomeEstimator.ExactConditional.Name(), Is.EqualTo("exact_conditional"));
        Assert.That(OutcomeEstimator.Sampled.Name(), Is.EqualTo("sampled"));
        Assert.Throws<InvalidOperationException>(() => OutcomeEstimator.Automatic.Name());
        Assert.Throws<ArgumentOutOfRangeException>(() => MajorityRules.Parse("three_quarters"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CouncilDecisions.Parse("two_thirds"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((MajorityRule)7).Name());
        Assert.Throws<ArgumentOutOfRangeException>(() => MajorityRules.IsAdopted(1, 0, (MajorityRule)7));
    }
}
