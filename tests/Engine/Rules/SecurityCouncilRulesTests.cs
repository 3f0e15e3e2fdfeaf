using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Engine.Rules;

public sealed class SecurityCouncilRulesTests
{
    private static readonly PermanentMembers Russia = PermanentMembers.Russia;

    [TestCase(9, 1, 5, PermanentMembers.None, CouncilDecision.Substantive, true, PermanentMembers.None, false, TestName = "Nine yes, elected member no: adopted")]
    [TestCase(9, 1, 5, PermanentMembers.Russia, CouncilDecision.Substantive, false, PermanentMembers.Russia, true, TestName = "Nine yes with one permanent no: decisive veto")]
    [TestCase(8, 1, 6, PermanentMembers.Russia, CouncilDecision.Substantive, false, PermanentMembers.Russia, false, TestName = "Eight yes with a permanent no: fails, veto not decisive")]
    [TestCase(13, 1, 1, PermanentMembers.Russia, CouncilDecision.Substantive, false, PermanentMembers.Russia, true, TestName = "S/2014/189: 13-1-1, vetoed by Russia")]
    [TestCase(13, 2, 0, PermanentMembers.Russia | PermanentMembers.China, CouncilDecision.Substantive, false, PermanentMembers.Russia | PermanentMembers.China, true, TestName = "S/2012/77: 13-2-0, double veto")]
    [TestCase(14, 0, 1, PermanentMembers.None, CouncilDecision.Substantive, true, PermanentMembers.None, false, TestName = "A permanent member abstaining is not a veto")]
    [TestCase(8, 0, 7, PermanentMembers.None, CouncilDecision.Substantive, false, PermanentMembers.None, false, TestName = "Eight yes fails without any veto")]
    [TestCase(0, 0, 15, PermanentMembers.None, CouncilDecision.Substantive, false, PermanentMembers.None, false, TestName = "Everyone abstaining fails")]
    [TestCase(9, 6, 0, PermanentMembers.All, CouncilDecision.Procedural, true, PermanentMembers.None, false, TestName = "Procedural: nine yes pass over permanent no votes")]
    [TestCase(8, 0, 7, PermanentMembers.None, CouncilDecision.Procedural, false, PermanentMembers.None, false, TestName = "Procedural: eight yes fail")]
    public void Applies_article_27(int yes, int no, int abstain, PermanentMembers permanentNo, CouncilDecision decision, bool adopted, PermanentMembers vetoedBy, bool decisive)
    {
        var outcome = SecurityCouncilRules.Decide(new VoteTally(yes, no, abstain, 15 - yes - no - abstain), permanentNo, decision);

        Assert.That(outcome.Adopted, Is.EqualTo(adopted));
        Assert.That(outcome.VetoedBy, Is.EqualTo(vetoedBy));
        Assert.That(outcome.VetoDecisive, Is.EqualTo(decisive));
    }

    [Test]
    public void Permanent_member_absent_is_not_a_veto()
    {
        var outcome = SecurityCouncilRules.Decide(new VoteTally(10, 0, 4, 1), PermanentMembers.None, CouncilDecision.Substantive);

        Assert.That(outcome.Adopted, Is.True);
    }

    [Test]
    public void Permanent_member_codes_round_trip()
    {
        Assert.That(PermanentMembersExtensions.AllCodes, Is.EqualTo(new[] { "CHN", "FRA", "GBR", "RUS", "USA" }));
        foreach (var code in PermanentMembersExtensions.AllCodes)
        {
            Assert.That(PermanentMembersExtensions.FromCode(code).ToCodes(), Is.EqualTo(code));
        }

        Assert.That((Russia | PermanentMembers.China).ToCodes(), Is.EqualTo("CHN+RUS"));
        Assert.That(PermanentMembersExtensions.FromCode("NLD"), Is.EqualTo(PermanentMembers.None));
        Assert.That(PermanentMembers.All.Count(), Is.EqualTo(5));
    }
}
