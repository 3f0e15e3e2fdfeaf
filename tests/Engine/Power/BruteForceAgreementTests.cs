using StemSimulator.Engine.Power;

namespace StemSimulator.Tests.Engine.Power;

/// <summary>The counting by seat class agrees with enumerating all 2^n coalitions, member by member, on small councils.</summary>
public sealed class BruteForceAgreementTests
{
    [TestCaseSource(typeof(TestCouncils), nameof(TestCouncils.Small))]
    public void Exact_indices_equal_brute_force_enumeration(CouncilDefinition council)
    {
        var exact = VotingPower.Compute(council).Members();
        var brute = BruteForcePower.Compute(council);

        Assert.That(exact, Has.Count.EqualTo(brute.Length));
        Assert.Multiple(() =>
        {
            for (int i = 0; i < brute.Length; i++)
            {
                Assert.That(exact[i].Power.ShapleyShubik, Is.EqualTo(brute[i].ShapleyShubik).Within(1e-13), $"Shapley-Shubik of {exact[i].Member}");
                Assert.That(exact[i].Power.BanzhafRaw, Is.EqualTo(brute[i].BanzhafRaw).Within(1e-13), $"raw Banzhaf of {exact[i].Member}");
                Assert.That(exact[i].Power.BanzhafNormalized, Is.EqualTo(brute[i].BanzhafNormalized).Within(1e-13), $"normalized Banzhaf of {exact[i].Member}");
            }
        });
    }
}
