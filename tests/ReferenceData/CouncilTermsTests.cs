using System.Globalization;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

[TestFixture]
public sealed class CouncilTermsTests
{
    private static readonly string[] Elected2026 = ["BHR", "COD", "COL", "DNK", "GRC", "LBR", "LVA", "PAK", "PAN", "SOM"];

    private static ReferenceCatalog Catalog => ReferenceCatalog.Embedded;

    [Test]
    public void CompleteYearsAre2009Through2026()
    {
        Assert.That(Catalog.CouncilYears, Is.EqualTo(Enumerable.Range(2009, 18)));
    }

    [Test]
    public void Council2026IsThePermanentFivePlusTenElected()
    {
        var elected = Catalog.ElectedCouncilMembers(2026);
        Assert.That(elected, Is.EqualTo(Elected2026));
        Assert.That(ReferenceCatalog.PermanentMembers.Concat(elected).Distinct().Count(), Is.EqualTo(15));
    }

    [TestCase(2025, "DNK DZA GRC GUY KOR PAK PAN SLE SOM SVN")]
    [TestCase(2017, "BOL EGY ETH ITA JPN KAZ SEN SWE UKR URY")]
    [TestCase(2018, "BOL CIV ETH GNQ KAZ KWT NLD PER POL SWE")]
    [TestCase(2014, "ARG AUS CHL JOR KOR LTU LUX NGA RWA TCD")]
    [TestCase(2009, "AUT BFA CRI HRV JPN LBY MEX TUR UGA VNM")]
    public void KnownCompositions(int year, string expected)
    {
        Assert.That(string.Join(' ', Catalog.ElectedCouncilMembers(year)), Is.EqualTo(expected));
    }

    /// <summary>
    /// Counts by regional group in every complete year: 3 African, 2 Asia-Pacific, 1 Eastern European, 2 GRULAC,
    /// 2 WEOG. The Arab swing seat is counted in the group of the state holding it, so the 3 + 2 split holds
    /// whichever side holds the seat (tested separately below).
    /// </summary>
    [Test]
    public void EveryCompleteYearHasTenElectedMembersDistributedByRegion()
    {
        var expected = new Dictionary<RegionalGroup, int>
        {
            [RegionalGroup.African] = 3,
            [RegionalGroup.AsiaPacific] = 2,
            [RegionalGroup.EasternEuropean] = 1,
            [RegionalGroup.LatinAmericanAndCaribbean] = 2,
            [RegionalGroup.WesternEuropeanAndOthers] = 2,
        };
        foreach (var year in Enumerable.Range(2010, 17))
        {
            var elected = Catalog.ElectedCouncilMembers(year);
            var counts = elected.GroupBy(c => Catalog.FindState(c)!.Group).ToDictionary(g => g.Key, g => g.Count());
            Assert.That(elected, Has.Count.EqualTo(10), year.ToString(CultureInfo.InvariantCulture));
            Assert.That(counts, Is.EquivalentTo(expected), year.ToString(CultureInfo.InvariantCulture));
            Assert.That(elected.Intersect(ReferenceCatalog.PermanentMembers), Is.Empty);
        }
    }

    /// <summary>
    /// The Arab swing seat: each class elected for a term starting in an even year (those new in that year) holds
    /// exactly one Arab League member, and that seat alternates between the African and the Asia-Pacific Group
    /// (2010 Lebanon, 2012 Morocco, 2014 Jordan, 2016 Egypt, 2018 Kuwait, 2020 Tunisia, 2022 UAE, 2024 Algeria,
    /// 2026 Bahrain). Somalia (2025-26) is an Arab League member elected to an ordinary African seat.
    /// </summary>
    [Test]
    public void ArabSwingSeatAlternatesBetweenAfricaAndAsiaPacific()
    {
        var arab = Catalog.Blocs["ARAB_LEAGUE"];
        var groups = new List<RegionalGroup>();
        for (var year = 2010; year <= 2026; year += 2)
        {
            var newcomers = Catalog.ElectedCouncilMembers(year).Except(Catalog.ElectedCouncilMembers(year - 1)).ToList();
            var arabs = newcomers.Where(c => arab.Contains(c, new DateOnly(year, 1, 1))).ToList();
            Assert.That(arabs, Has.Count.EqualTo(1), $"class of {year}: {string.Join(", ", newcomers)}");
            groups.Add(Catalog.FindState(arabs[0])!.Group);
        }

        Assert.That(groups, Is.All.AnyOf(RegionalGroup.African, RegionalGroup.AsiaPacific));
        Assert.That(groups.Zip(groups.Skip(1)).All(p => p.First != p.Second), Is.True, string.Join(", ", groups));
    }

    [Test]
    public void NoMemberServesTwoConsecutiveTerms()
    {
        var terms = SharedData.ReadEmbedded("council_terms.csv").Skip(1)
            .Select(r => (Code: r[0], First: int.Parse(r[1], CultureInfo.InvariantCulture), Last: int.Parse(r[2], CultureInfo.InvariantCulture)))
            .ToList();

        Assert.That(terms.Where(t => t.Last - t.First > 1 || t.Last < t.First), Is.Empty);
        foreach (var group in terms.GroupBy(t => t.Code))
        {
            var ordered = group.OrderBy(t => t.First).ToList();
            foreach (var (earlier, later) in ordered.Zip(ordered.Skip(1)))
            {
                Assert.That(later.First, Is.GreaterThan(earlier.Last + 1), $"{group.Key} re-elected immediately after {earlier.First}-{earlier.Last}");
            }
        }

        // The same rule seen through the catalog: nobody sits three years running.
        foreach (var year in Enumerable.Range(2011, 16))
        {
            var threeRunning = Catalog.ElectedCouncilMembers(year)
                .Intersect(Catalog.ElectedCouncilMembers(year - 1))
                .Intersect(Catalog.ElectedCouncilMembers(year - 2));
            Assert.That(threeRunning, Is.Empty, year.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void SplitTermOfItalyAndTheNetherlandsIsOneYearEach()
    {
        Assert.That(Catalog.ElectedCouncilMembers(2017), Does.Contain("ITA").And.Not.Contain("NLD"));
        Assert.That(Catalog.ElectedCouncilMembers(2018), Does.Contain("NLD").And.Not.Contain("ITA"));
    }

    [TestCase(2027)]
    [TestCase(2008)]
    [TestCase(1990)]
    [TestCase(2100)]
    public void YearsNotCoveredThrowWithTheCoveredRange(int year)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.ElectedCouncilMembers(year));
        Assert.That(error!.ParamName, Is.EqualTo("year"));
        Assert.That(error.Message, Does.Contain("2009-2026").And.Contain(year.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Year2027IsKnownToBeIncomplete()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.ElectedCouncilMembers(2027));
        Assert.That(error!.Message, Does.Contain("Only 5 of the 10").And.Contain("BHR, COD, COL, LBR, LVA"));
    }
}
