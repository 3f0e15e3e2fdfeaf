using System.Globalization;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Engine.Members;

[TestFixture]
public sealed class BlocTests
{
    private static readonly string[] BlocNames =
    [
        "P5", "EU", "BRICS", "BRICS_PARTNERS", "NAM", "G77", "AU", "OIC", "ARAB_LEAGUE", "ASEAN", "CARICOM", "SIDS", "NATO",
    ];

    private static readonly string[] PermanentFive = ["CHN", "FRA", "GBR", "RUS", "USA"];

    private static ReferenceCatalog Catalog => ReferenceCatalog.Embedded;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool In(string bloc, string code, string date) => Catalog.Blocs[bloc].Contains(code, D(date));

    [Test]
    public void TheThirteenBlocsAreDefined()
    {
        Assert.That(Catalog.Blocs.Keys, Is.EquivalentTo(BlocNames));
        Assert.That(Catalog.Blocs.Values.Select(b => b.Description), Has.All.Not.Empty);
        Assert.That(Catalog.Blocs.ContainsKey("brics"), Is.False, "bloc names are ordinal");
    }

    [TestCase("BRICS", "2023-06-30", 5)]
    [TestCase("BRICS", "2025-06-30", 10)]
    [TestCase("BRICS_PARTNERS", "2025-06-30", 10)]
    [TestCase("NAM", "2023-06-30", 120)]   // the published 120 (incl. Palestine) predates South Sudan's admission
    [TestCase("NAM", "2025-06-30", 121)]   // South Sudan admitted on 17 January 2024
    [TestCase("G77", "2025-06-30", 134)]   // incl. Palestine; China is associated, not a member
    [TestCase("EU", "2025-06-30", 27)]
    [TestCase("EU", "2019-06-30", 28)]
    [TestCase("SIDS", "2025-06-30", 38)]
    [TestCase("NATO", "2025-06-30", 32)]
    [TestCase("NATO", "2023-04-03", 30)]
    [TestCase("ASEAN", "2025-12-01", 11)]
    [TestCase("ASEAN", "2025-06-01", 10)]
    [TestCase("AU", "2025-06-30", 54)]     // 55 with the Sahrawi Republic, which is not a UN state
    [TestCase("OIC", "2025-06-30", 57)]    // incl. Palestine
    [TestCase("ARAB_LEAGUE", "2025-06-30", 22)]
    [TestCase("ARAB_LEAGUE", "2015-06-30", 21)]
    [TestCase("CARICOM", "2025-06-30", 14)] // 15 with Montserrat, which is not a UN state
    [TestCase("P5", "2025-06-30", 5)]
    public void PublishedTotals(string bloc, string date, int size)
    {
        Assert.That(Catalog.Blocs[bloc].MembersOn(D(date)), Has.Count.EqualTo(size));
    }

    [Test]
    public void KnownMembershipsAndNonMemberships()
    {
        Assert.Multiple(() =>
        {
            Assert.That(In("EU", "NLD", "2025-06-30"), Is.True);
            Assert.That(In("NATO", "NLD", "2025-06-30"), Is.True);
            Assert.That(In("NAM", "NLD", "2025-06-30"), Is.False);
            Assert.That(In("BRICS", "CHN", "2025-06-30"), Is.True);
            Assert.That(In("G77", "CHN", "2025-06-30"), Is.False, "China is associated with, not a member of, the G77");
            Assert.That(In("BRICS", "SAU", "2025-06-30"), Is.False, "Saudi Arabia was invited but has not confirmed");
            Assert.That(In("BRICS_PARTNERS", "SAU", "2025-06-30"), Is.False);
            Assert.That(In("NATO", "FIN", "2023-04-04"), Is.True);
            Assert.That(In("NATO", "FIN", "2023-04-03"), Is.False);
            Assert.That(In("NATO", "SWE", "2024-03-07"), Is.True);
            Assert.That(In("NATO", "SWE", "2024-03-06"), Is.False);
            Assert.That(In("ASEAN", "TLS", "2025-12-01"), Is.True);
            Assert.That(In("ASEAN", "TLS", "2025-06-01"), Is.False);
            Assert.That(In("EU", "GBR", "2019-06-30"), Is.True);
            Assert.That(In("EU", "GBR", "2020-01-31"), Is.True);
            Assert.That(In("EU", "GBR", "2020-02-01"), Is.False);
            Assert.That(In("EU", "GBR", "2021-01-01"), Is.False);
            Assert.That(In("ARAB_LEAGUE", "SYR", "2010-06-30"), Is.True);
            Assert.That(In("ARAB_LEAGUE", "SYR", "2015-06-30"), Is.False);
            Assert.That(In("ARAB_LEAGUE", "SYR", "2024-06-30"), Is.True);
            Assert.That(In("ARAB_LEAGUE", "PSE", "2025-06-30"), Is.True);
            Assert.That(In("OIC", "PSE", "2025-06-30"), Is.True);
            Assert.That(In("AU", "MAR", "2017-01-29"), Is.False);
            Assert.That(In("AU", "MAR", "2017-01-30"), Is.True);
            Assert.That(In("BRICS", "ZAF", "2010-12-23"), Is.False);
            Assert.That(In("BRICS", "ZAF", "2010-12-24"), Is.True);
            Assert.That(In("BRICS", "IRN", "2023-12-31"), Is.False);
            Assert.That(In("BRICS", "IRN", "2024-01-01"), Is.True);
            Assert.That(In("BRICS", "IDN", "2025-01-05"), Is.False);
            Assert.That(In("BRICS", "IDN", "2025-01-06"), Is.True);
            Assert.That(In("BRICS_PARTNERS", "IDN", "2025-06-30"), Is.False);
            Assert.That(In("BRICS_PARTNERS", "NGA", "2025-01-16"), Is.False);
            Assert.That(In("BRICS_PARTNERS", "VNM", "2025-06-13"), Is.True);
            Assert.That(In("P5", "CHN", "1971-10-24"), Is.False, "the Republic of China held the seat until 25 October 1971");
            Assert.That(In("P5", "CHN", "1971-10-25"), Is.True);
            Assert.That(In("P5", "RUS", "1991-12-24"), Is.True);
            Assert.That(In("NAM", "SSD", "2024-01-16"), Is.False);
            Assert.That(In("NAM", "SSD", "2024-01-17"), Is.True);
            Assert.That(In("NAM", "MEX", "2025-06-30"), Is.False, "Mexico is a NAM observer");
            Assert.That(In("NAM", "CYP", "2004-04-30"), Is.True);
            Assert.That(In("NAM", "CYP", "2004-05-01"), Is.False);
            Assert.That(In("G77", "BIH", "2025-06-30"), Is.True);
            Assert.That(In("SIDS", "BHR", "2025-06-30"), Is.True, "Bahrain is on the UN SIDS list though not in AOSIS");
            Assert.That(In("SIDS", "SGP", "2025-06-30"), Is.True);
        });
    }

    [Test]
    public void P5BlocMatchesPermanentMembersToday()
    {
        Assert.That(Catalog.Blocs["P5"].MembersOn(D("2025-06-30")), Is.EqualTo(ReferenceCatalog.PermanentMembers));
        Assert.That(ReferenceCatalog.PermanentMembers, Is.EqualTo(PermanentFive));
    }

    [Test]
    public void EveryBlocMemberIsInTheMemberTable()
    {
        var codes = Catalog.States.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = Catalog.Blocs.Values
            .SelectMany(b => b.Memberships.Select(m => $"{b.Name}:{m.Code}"))
            .Where(x => !codes.Contains(x[(x.IndexOf(':', StringComparison.Ordinal) + 1)..]))
            .ToList();

        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void MembershipsAreWellFormed()
    {
        foreach (var bloc in Catalog.Blocs.Values)
        {
            foreach (var m in bloc.Memberships)
            {
                Assert.That(m.Until is null || m.Until > m.From, Is.True, $"{bloc.Name} {m.Code}");
            }
        }
    }

    [Test]
    public void BricsMembersAndPartnersAreDisjoint()
    {
        var date = D("2025-06-30");
        Assert.That(Catalog.Blocs["BRICS"].MembersOn(date).Intersect(Catalog.Blocs["BRICS_PARTNERS"].MembersOn(date)), Is.Empty);
    }

    [Test]
    public void AfricanUnionCoversTheAfricanGroup()
    {
        var african = Catalog.States.Where(s => s.Group == global::StemSimulator.Engine.Members.RegionalGroup.African).Select(s => s.Code);
        Assert.That(Catalog.Blocs["AU"].MembersOn(D("2025-06-30")), Is.EquivalentTo(african));
    }
}
