using StemSimulator.Engine.Power;

namespace StemSimulator.Tests.Engine.Power;

/// <summary>
/// The fixtures of docs/design.md, section Voting power, for today's Council ("all five permanent members and at least nine of fifteen"), to the
/// digits given there: Shapley-Shubik 0.19627 and 0.001865, normalized Banzhaf 0.16693 and 0.016535.
/// </summary>
public sealed class CurrentCouncilFixtureTests
{
    private static SeatClassPower Class(CouncilPower power, string type) => power.Classes.Single(c => c.Class.Type == type);

    [Test]
    public void Shapley_shubik_is_0_19627_per_permanent_and_0_001865_per_elected_member()
    {
        var power = VotingPower.Compute(TestCouncils.Current());

        Assert.That(Math.Round(Class(power, "permanent").PerSeat.ShapleyShubik, 5), Is.EqualTo(0.19627));
        Assert.That(Math.Round(Class(power, "elected").PerSeat.ShapleyShubik, 6), Is.EqualTo(0.001865));
    }

    [Test]
    public void Normalized_banzhaf_is_0_16693_per_permanent_and_0_016535_per_elected_member()
    {
        var power = VotingPower.Compute(TestCouncils.Current());

        Assert.That(Math.Round(Class(power, "permanent").PerSeat.BanzhafNormalized, 5), Is.EqualTo(0.16693));
        Assert.That(Math.Round(Class(power, "elected").PerSeat.BanzhafNormalized, 6), Is.EqualTo(0.016535));
    }

    /// <summary>
    /// Hand count: an elected member swings when the five permanent members and exactly 3 of the other 9 elected members
    /// vote yes: C(9, 3) = 84 coalitions. A permanent member swings when the other four and 4 to 10 elected members vote
    /// yes: sum_{k=4..10} C(10, k) = 848. Raw Banzhaf divides by 2^14 = 16384.
    /// </summary>
    [Test]
    public void Raw_banzhaf_counts_the_swings_by_hand()
    {
        var power = VotingPower.Compute(TestCouncils.Current());

        Assert.That(Class(power, "permanent").Swings, Is.EqualTo(848));
        Assert.That(Class(power, "elected").Swings, Is.EqualTo(84));
        Assert.That(Class(power, "permanent").PerSeat.BanzhafRaw, Is.EqualTo(848.0 / 16384).Within(1e-15));
        Assert.That(Class(power, "elected").PerSeat.BanzhafRaw, Is.EqualTo(84.0 / 16384).Within(1e-15));
    }

    /// <summary>
    /// An elected member is pivotal exactly when it comes after all five permanent members and after exactly 3 other
    /// elected members (8 before it, 6 after): phi = C(9, 3) 8! 6! / 15! = 4/2145.
    /// </summary>
    [Test]
    public void Elected_shapley_shubik_equals_the_closed_form()
    {
        var power = VotingPower.Compute(TestCouncils.Current());

        Assert.That(Class(power, "elected").PerSeat.ShapleyShubik, Is.EqualTo(4.0 / 2145).Within(1e-15));
    }
}
