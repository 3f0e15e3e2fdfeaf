using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Engine.Rules;

public sealed class GeneralAssemblyRulesTests
{
    // yes, no, abstain, absent, rule, adopted
    [TestCase(100, 11, 58, 24, MajorityRule.Simple, true, TestName = "A/RES/68/262 100-11-58 passes by simple majority")]
    [TestCase(50, 50, 93, 0, MajorityRule.Simple, false, TestName = "Tie fails")]
    [TestCase(51, 50, 92, 0, MajorityRule.Simple, true, TestName = "One more yes than no passes")]
    [TestCase(10, 9, 174, 0, MajorityRule.Simple, true, TestName = "Abstentions do not count: 10-9-174 passes")]
    [TestCase(0, 0, 193, 0, MajorityRule.Simple, false, TestName = "Everyone abstaining adopts nothing (simple)")]
    [TestCase(0, 0, 193, 0, MajorityRule.TwoThirds, false, TestName = "Everyone abstaining adopts nothing (two-thirds)")]
    [TestCase(0, 0, 0, 193, MajorityRule.TwoThirds, false, TestName = "Everyone absent adopts nothing")]
    [TestCase(100, 50, 43, 0, MajorityRule.TwoThirds, true, TestName = "Two-thirds exactly met: 100 yes, 50 no")]
    [TestCase(99, 50, 44, 0, MajorityRule.TwoThirds, false, TestName = "Two-thirds missed by one: 99 yes, 50 no")]
    [TestCase(93, 24, 58, 18, MajorityRule.TwoThirds, true, TestName = "A/RES/ES-11/3 93-24-58 meets two-thirds")]
    [TestCase(1, 0, 192, 0, MajorityRule.TwoThirds, true, TestName = "A single yes with no opposition meets two-thirds")]
    [TestCase(60, 40, 93, 0, MajorityRule.TwoThirds, false, TestName = "Simple majority is not two-thirds")]
    public void Decides_by_members_present_and_voting(int yes, int no, int abstain, int absent, MajorityRule rule, bool adopted)
    {
        var outcome = GeneralAssemblyRules.Decide(new VoteTally(yes, no, abstain, absent), rule);

        Assert.That(outcome.Adopted, Is.EqualTo(adopted));
        Assert.That(outcome.Vetoed, Is.False);
        Assert.That(outcome.VetoDecisive, Is.False);
    }

    [Test]
    public void Two_thirds_agrees_with_the_fraction_for_every_small_tally()
    {
        for (int yes = 0; yes <= 60; yes++)
        {
            for (int no = 0; no <= 60; no++)
            {
                bool byFraction = yes + no > 0 && 3 * yes >= 2 * (yes + no);
                Assert.That(GeneralAssemblyRules.IsAdopted(yes, no, MajorityRule.TwoThirds), Is.EqualTo(byFraction), $"{yes}-{no}");
            }
        }
    }

    [Test]
    public void Tally_counts_present_and_voting_as_yes_plus_no()
    {
        var tally = new VoteTally(100, 11, 58, 24);

        Assert.That(tally.PresentAndVoting, Is.EqualTo(111));
        Assert.That(tally.Total, Is.EqualTo(193));
    }
}
