using StemSimulator.Engine.Power;
using StemSimulator.Scenarios.Councils;

namespace StemSimulator.Tests.Engine.Power;

/// <summary>Members the rule treats alike have equal power, whatever their class or label.</summary>
public sealed class SymmetricMemberTests
{
    [TestCaseSource(typeof(TestCouncils), nameof(TestCouncils.Small))]
    public void Members_of_one_class_have_equal_power_by_brute_force(CouncilDefinition council)
    {
        var brute = BruteForcePower.Compute(council);
        int first = 0;
        foreach (var seats in council.Classes)
        {
            for (int i = first + 1; i < first + seats.Count; i++)
            {
                Assert.That(brute[i].ShapleyShubik, Is.EqualTo(brute[first].ShapleyShubik).Within(1e-15), $"{seats.Type} seat {i - first + 1}");
                Assert.That(brute[i].BanzhafRaw, Is.EqualTo(brute[first].BanzhafRaw).Within(1e-15), $"{seats.Type} seat {i - first + 1}");
            }

            first += seats.Count;
        }
    }

    [Test]
    public void Splitting_a_class_in_two_changes_nothing()
    {
        var whole = VotingPower.Compute(TestCouncils.Current());
        var split = VotingPower.Compute(new CouncilDefinition("split", "",
            [TestCouncils.Seats("permanent", 5, veto: true), TestCouncils.Seats("elected_2025", 5), TestCouncils.Seats("elected_2026", 5)], 9));

        AssertEqual(split.Classes[1].PerSeat, whole.Classes[1].PerSeat);
        AssertEqual(split.Classes[2].PerSeat, whole.Classes[1].PerSeat);
        AssertEqual(split.Classes[0].PerSeat, whole.Classes[0].PerSeat);
    }

    [Test]
    public void G4_new_permanent_seats_without_veto_weigh_as_much_as_elected_seats()
    {
        var g4 = VotingPower.Compute(CouncilCatalog.Find("g4")!);

        AssertEqual(g4.Classes.Single(c => c.Class.Type == "new_permanent").PerSeat, g4.Classes.Single(c => c.Class.Type == "elected").PerSeat);
    }

    [Test]
    public void Scaling_all_weights_and_the_quota_changes_nothing()
    {
        var unit = VotingPower.Compute(TestCouncils.Current());
        var scaled = VotingPower.Compute(new CouncilDefinition("scaled", "", [TestCouncils.Seats("permanent", 5, 3, veto: true), TestCouncils.Seats("elected", 10, 3)], 25));

        AssertEqual(scaled.Classes[0].PerSeat, unit.Classes[0].PerSeat);
        AssertEqual(scaled.Classes[1].PerSeat, unit.Classes[1].PerSeat);
    }

    private static void AssertEqual(PowerIndices actual, PowerIndices expected)
    {
        Assert.That(actual.ShapleyShubik, Is.EqualTo(expected.ShapleyShubik).Within(1e-15));
        Assert.That(actual.BanzhafRaw, Is.EqualTo(expected.BanzhafRaw).Within(1e-15));
        Assert.That(actual.BanzhafNormalized, Is.EqualTo(expected.BanzhafNormalized).Within(1e-15));
    }
}
