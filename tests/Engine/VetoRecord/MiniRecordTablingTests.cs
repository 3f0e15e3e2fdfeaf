using StemSimulator.Engine.VetoRecord;

namespace StemSimulator.Tests.Engine.VetoRecord;

/// <summary>A hand-made record whose tabling probability and backlash are worked out by hand.</summary>
public sealed class MiniRecordTablingTests
{
    private const string Suffix = " : resolution / adopted by the General Assembly";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly VetoCast[] Vetoes =
    [
        // 1. Followed by an emergency special session 10 days later.
        new(D(2001, 3, 1), "S/1", "Situation A", "Syria", ["Russia"]),
        // 2. Two drafts the same day on the same topic: one event. Followed by a new (non-recurring) title after 30 days.
        new(D(2002, 5, 1), "S/2", "Situation B", "Ukraine", ["Russia"]),
        new(D(2002, 5, 1), "S/3", "Situation B", "Ukraine", ["China"]),
        // 3. Only the annual resolution follows (its title was voted the year before): not a follow-up.
        new(D(2003, 11, 20), "S/4", "Situation C", "Myanmar", ["China"]),
        // 4. A new text on the subject, but 120 days later: outside the 90-day window.
        new(D(2004, 1, 10), "S/5", "Situation D", "Yemen", ["Russia"]),
    ];

    private static readonly AssemblyVote[] Votes =
    [
        new("A/RES/55/1", D(2000, 12, 1), "Situation in the Syrian Arab Republic" + Suffix, 100, 20, 40),
        new("A/RES/ES-12/1", D(2001, 3, 11), "Humanitarian situation in Syria" + Suffix, 120, 10, 30),
        new("A/RES/56/9", D(2002, 5, 31), "Territorial integrity of Ukraine" + Suffix, 100, 11, 58),
        new("A/RES/57/5", D(2002, 12, 10), "Situation of human rights in Myanmar" + Suffix, 90, 20, 50),
        new("A/RES/58/5", D(2003, 12, 10), "Situation of human rights in Myanmar" + Suffix, 95, 20, 45),
        new("A/RES/58/300", D(2004, 5, 9), "The situation in Yemen" + Suffix, 100, 5, 50),
        new("A/RES/56/200", D(2002, 5, 20), "Cooperation with Andorra" + Suffix, 150, 0, 0),
    ];

    [Test]
    public void TwoOfFourEventsAreFollowedUp()
    {
        var events = FollowUpMatcher.Match(Vetoes, Votes, new MatchingRules());
        var estimates = VetoRecordEstimates.From(events, 2000, 2005);
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.FollowUps.Select(f => f.Symbol).ToArray()), Is.EqualTo(new[]
            {
                new[] { "A/RES/ES-12/1" }, new[] { "A/RES/56/9" }, Array.Empty<string>(), Array.Empty<string>(),
            }));
            Assert.That(events[1].Drafts, Is.EqualTo(new[] { "S/2", "S/3" }));
            Assert.That(events[1].VetoedBy, Is.EqualTo(new[] { "China", "Russia" }));
            Assert.That((estimates.Events, estimates.FollowedUp, estimates.TablingProbability), Is.EqualTo((4, 2, 0.5)));
            // Jeffreys Beta(2.5, 2.5): symmetric about one half; its 5% quantile 0.165280 was found by bisection on a
            // midpoint-rule integral of the density (200,000 steps), independently of MathNet.
            Assert.That(estimates.TablingLow90 + estimates.TablingHigh90, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(estimates.TablingLow90, Is.EqualTo(0.165280).Within(1e-5));
        });
    }

    [Test]
    public void TheBacklashComparesTheFollowUpWithTheLastEarlierVote()
    {
        var events = FollowUpMatcher.Match(Vetoes, Votes, new MatchingRules());
        // Event 1: ES-12/1 (120-10-30) against 55/1 (100-20-40): probit(120.5/161) - probit(100.5/161).
        double expected = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 120.5 / 161) - MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 100.5 / 161);
        Assert.Multiple(() =>
        {
            Assert.That(events[0].Comparison!.Symbol, Is.EqualTo("A/RES/55/1"));
            Assert.That(events[0].ProbitShift, Is.EqualTo(expected).Within(1e-12));
            Assert.That(events[1].Comparison, Is.Null, "no earlier vote on Ukraine");
            Assert.That(VetoRecordEstimates.From(events, 2000, 2005).BacklashPairs, Is.EqualTo(1));
        });
    }

    [Test]
    public void ALongerWindowTakesInTheLateFollowUp()
    {
        var events = FollowUpMatcher.Match(Vetoes, Votes, new MatchingRules { WindowDays = 180 });
        Assert.That(VetoRecordEstimates.From(events, 2000, 2005).FollowedUp, Is.EqualTo(3));
    }
}
