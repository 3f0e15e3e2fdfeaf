namespace StemSimulator.Tests.Runner.VetoRecord;

/// <summary>The two follow-ups the design names are found, with the counts of the official records.</summary>
public sealed class KnownPairsTests
{
    [TestCase("S/2014/189", "2014-03-15", "A/RES/68/262", "2014-03-27", 100, 11, 58, "Russia")]
    [TestCase("S/2012/77", "2012-02-04", "A/RES/66/253A", "2012-02-16", 137, 12, 17, "China+Russia")]
    public void TheVetoIsFollowedByTheKnownResolution(string draft, string vetoDate, string symbol, string date, int yes, int no, int abstain, string vetoedBy)
    {
        var ev = VetoRecordTestData.SharedEvents.Single(e => e.Drafts.Contains(draft));
        var first = ev.FollowUps[0];
        Assert.Multiple(() =>
        {
            Assert.That(ev.Date, Is.EqualTo(DateOnly.Parse(vetoDate, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(string.Join('+', ev.VetoedBy), Is.EqualTo(vetoedBy));
            Assert.That(first.Symbol, Is.EqualTo(symbol));
            Assert.That(first.Date, Is.EqualTo(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That((first.Yes, first.No, first.Abstain), Is.EqualTo((yes, no, abstain)));
        });
    }

    [Test]
    public void TheAnnualTextsDoNotCountAsFollowUps()
    {
        // The US veto of 18 December 2017 (Jerusalem) is followed by ES-10/19 three days later, not by the annual
        // Palestine resolutions voted in the same weeks.
        var ev = VetoRecordTestData.SharedEvents.Single(e => e.Drafts.Contains("S/2017/1060"));
        Assert.That(ev.FollowUps.Select(f => f.Symbol), Is.EqualTo(new[] { "A/RES/ES-10/19" }));
    }
}
