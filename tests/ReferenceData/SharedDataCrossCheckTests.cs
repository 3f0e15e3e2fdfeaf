using System.Globalization;
using System.Text;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

/// <summary>
/// Compares the embedded reference data with the shared source files in ../shared/data/un. Every difference
/// must be one documented in src/Scenarios/ReferenceData/SOURCES.md; the lists below mirror that file.
/// </summary>
[TestFixture]
public sealed class SharedDataCrossCheckTests
{
    private static readonly DateOnly CheckDate = new(2025, 12, 1);

    private static readonly string[] Observers = ["PSE", "VAT"];

    private static readonly string[] AdmissionExceptions = ["CHN", "DMA", "SRB", "SYC", "UZB"];

    private static readonly Dictionary<string, RegionalGroup> GroupLabels = new(StringComparer.Ordinal)
    {
        ["African Group"] = RegionalGroup.African,
        ["Asia and the Pacific Group"] = RegionalGroup.AsiaPacific,
        ["Eastern European Group"] = RegionalGroup.EasternEuropean,
        ["Latin American and Caribbean Group"] = RegionalGroup.LatinAmericanAndCaribbean,
        ["Western European and Others Group"] = RegionalGroup.WesternEuropeanAndOthers,
    };

    private static ReferenceCatalog Catalog => ReferenceCatalog.Embedded;

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> MemberStates =>
        SharedData.ReadCsv(Path.Combine("countries", "un_member_states_2025.csv"));

    [Test]
    public void MemberTableMatchesTheSharedListExceptTheTwoObservers()
    {
        var shared = MemberStates.ToDictionary(r => r["iso3"], r => GroupLabels[r["un_regional_group"]], StringComparer.Ordinal);
        var ours = Catalog.States.ToDictionary(s => s.Code, StringComparer.Ordinal);

        Assert.That(shared, Has.Count.EqualTo(193));
        Assert.That(ours.Keys.Except(shared.Keys), Is.EquivalentTo(Observers));
        Assert.That(shared.Keys.Except(ours.Keys), Is.Empty);
        Assert.That(shared.Where(p => ours[p.Key].Group != p.Value).Select(p => p.Key), Is.Empty);
        Assert.That(shared.Keys.Where(c => ours[c].IsObserver), Is.Empty);
    }

    /// <summary>
    /// (bloc, shared column, codes only we have, codes only the column has) on 2025-12-01. The primary columns
    /// first, then the alternative sources (CIA World Factbook 2020, Gunelmaas G77 list, AOSIS).
    /// </summary>
    private static readonly (string Bloc, string Column, string[] OnlyOurs, string[] OnlyTheirs)[] DocumentedDifferences =
    [
        ("P5", "p5", [], []),
        ("EU", "eu", [], []),
        ("BRICS", "brics_2025", [], []),
        ("NAM", "nam", ["PSE"], ["MEX"]),
        ("G77", "g77", ["BIH", "PSE"], ["CHN"]),
        ("AU", "african_union", [], []),
        ("OIC", "oic", ["PSE"], []),
        ("ASEAN", "asean", [], []),
        ("CARICOM", "caricom", [], []),
        ("SIDS", "sids_undp", [], []),
        ("SIDS", "aosis", ["BHR"], []),
        ("G77", "g77_alt_gunelmaas", ["BIH", "PSE"], ["CHN"]),
        ("G77", "g77_cia2020", ["AZE", "KIR", "PSE"], ["CHN"]),
        ("NAM", "nam_cia2020", ["ATG", "FJI", "KNA", "PSE", "SSD"], ["CYP"]),
        ("OIC", "oic_cia2020", ["PSE"], []),
        ("AU", "au_cia2020", ["MAR"], []),
        ("EU", "eu_cia2020", [], []),
        ("BRICS", "brics_cia2020", ["ARE", "EGY", "ETH", "IDN", "IRN"], []),
    ];

    [Test]
    public void BlocMembershipsDifferFromTheSharedColumnsOnlyAsDocumented()
    {
        var rows = MemberStates;
        var report = new StringBuilder();
        foreach (var (bloc, column, onlyOurs, onlyTheirs) in DocumentedDifferences)
        {
            var ours = Catalog.Blocs[bloc].MembersOn(CheckDate).ToHashSet(StringComparer.Ordinal);
            var theirs = rows.Where(r => r[column] == "1").Select(r => r["iso3"]).ToHashSet(StringComparer.Ordinal);
            var actualOurs = ours.Except(theirs).Order(StringComparer.Ordinal).ToArray();
            var actualTheirs = theirs.Except(ours).Order(StringComparer.Ordinal).ToArray();
            if (!actualOurs.SequenceEqual(onlyOurs) || !actualTheirs.SequenceEqual(onlyTheirs))
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{bloc} vs {column}: only ours [{string.Join(",", actualOurs)}], only theirs [{string.Join(",", actualTheirs)}]");
            }
        }

        Assert.That(report.ToString(), Is.Empty);
    }

    /// <summary>
    /// Admission year against the first session each state votes in (session s opens in September of 1945 + s and
    /// runs into the next year): a state should vote first in the session open at, or opening just after, its
    /// admission. Documented and resolved exceptions: CHN (the Republic of China held the seat until 1971), SRB
    /// (Voeten codes Serbia as Yugoslavia, 345, from 1946), DMA, SYC, UZB (members from admission but recorded
    /// only as absent in their first sessions; see the absent-vote file).
    /// </summary>
    [Test]
    public void AdmissionYearsAgreeWithFirstVotingSessions()
    {
        var crosswalk = SharedData.ReadCsv(Path.Combine("countries", "cow_iso3_crosswalk.csv"));
        var firstSession = crosswalk.ToDictionary(r => int.Parse(r["cow_ccode"], CultureInfo.InvariantCulture),
            r => int.Parse(r["first_session"], CultureInfo.InvariantCulture));
        var disagreements = new List<string>();
        foreach (var row in MemberStates)
        {
            var code = row["iso3"];
            var ccodes = row["cow_ccode"].Split(';').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
            if (code == "YEM")
            {
                ccodes.Add(678); // the Yemen Arab Republic, member since 1947, carries iso3c YAR in the crosswalk
            }

            var session = ccodes.Where(firstSession.ContainsKey).Min(c => firstSession[c]);
            var admitted = Catalog.FindState(code)!.Admitted.Year;
            var opening = 1945 + session;
            if (admitted > opening + 1 || opening - admitted > 1)
            {
                disagreements.Add(code);
            }
        }

        Assert.That(disagreements, Is.EqualTo(AdmissionExceptions));
    }

    /// <summary>
    /// The elected members of 2009-2021 equal the non-permanent states recorded as voting on adopted Security
    /// Council resolutions in the UN Digital Library extract (one unmapped 'DONOTKNOW' column in 2010 ignored).
    /// </summary>
    [Test]
    public void ElectedMembersMatchTheRecordedSecurityCouncilVotes()
    {
        var voters = SharedData.ReadCsv(Path.Combine("undl_2021", "sc_votes_long_1946_2021.csv"))
            .Where(r => r["iso3_mapped"].Length > 0 && string.CompareOrdinal(r["date"], "2009") >= 0)
            .GroupBy(r => int.Parse(r["date"].AsSpan(0, 4), CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(r => r["iso3_mapped"]).Except(ReferenceCatalog.PermanentMembers).Order(StringComparer.Ordinal).ToArray());

        Assert.That(voters.Keys.Order(), Is.EqualTo(Enumerable.Range(2009, 13)));
        foreach (var (year, codes) in voters)
        {
            Assert.That(Catalog.ElectedCouncilMembers(year), Is.EqualTo(codes), year.ToString(CultureInfo.InvariantCulture));
        }
    }
}
