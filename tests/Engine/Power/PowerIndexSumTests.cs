using StemSimulator.Engine.Power;
using StemSimulator.Scenarios.Councils;

namespace StemSimulator.Tests.Engine.Power;

/// <summary>Shapley-Shubik indices and normalized Banzhaf indices each sum to 1 over the members (efficiency).</summary>
public sealed class PowerIndexSumTests
{
    private static IEnumerable<TestCaseData> Councils() =>
        TestCouncils.Small().Concat(CouncilCatalog.All.Select(c => new TestCaseData(c).SetArgDisplayNames("built-in " + c.Name)));

    [TestCaseSource(nameof(Councils))]
    public void Shapley_shubik_sums_to_one(CouncilDefinition council)
    {
        var members = VotingPower.Compute(council).Members();

        Assert.That(members.Sum(m => m.Power.ShapleyShubik), Is.EqualTo(1.0).Within(1e-12));
    }

    [TestCaseSource(nameof(Councils))]
    public void Normalized_banzhaf_sums_to_one(CouncilDefinition council)
    {
        var members = VotingPower.Compute(council).Members();

        Assert.That(members.Sum(m => m.Power.BanzhafNormalized), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Large_council_of_equals_gives_each_member_one_nth()
    {
        var council = new CouncilDefinition("assembly", "", [TestCouncils.Seats("member", 193)], 129);

        var power = VotingPower.Compute(council).Classes.Single().PerSeat;

        Assert.That(power.ShapleyShubik, Is.EqualTo(1.0 / 193).Within(1e-15));
        Assert.That(power.BanzhafNormalized, Is.EqualTo(1.0 / 193).Within(1e-15));
    }
}
