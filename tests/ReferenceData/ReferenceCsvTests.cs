using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

[TestFixture]
public sealed class ReferenceCsvTests
{
    private const string Resource = "test.csv";

    private static readonly string[] QuotedRow = ["x, y", "say \"hi\"", "two\nlines"];
    private static readonly string[] PlainRow = ["plain", "", "last"];
    private static readonly string[][] BomRows = [["a", "b"], ["1", "2"]];
    private static readonly string[] SmallCodes = ["DEU", "NLD"];

    private static IReadOnlyList<(int Line, string[] Fields)> Parse(string text) =>
        ReferenceCatalog.ParseCsv(new StringReader(text), Resource);

    [Test]
    public void QuotedFieldsMayHoldCommasQuotesAndLineBreaks()
    {
        var records = Parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nplain,,last\n");

        Assert.That(records, Has.Count.EqualTo(3));
        Assert.That(records[1].Fields, Is.EqualTo(QuotedRow));
        Assert.That(records[2].Line, Is.EqualTo(5), "the record after a two-line field and a blank line starts on line 5");
        Assert.That(records[2].Fields, Is.EqualTo(PlainRow));
    }

    [Test]
    public void ByteOrderMarkAndMissingFinalNewlineAreAccepted()
    {
        var records = Parse("\uFEFFa,b\n1,2");
        Assert.That(records.Select(r => r.Fields), Is.EqualTo(BomRows));
    }

    [TestCase("a,b\n\"open,2\n", 2)]
    [TestCase("a,b\nx\"y,2\n", 2)]
    [TestCase("a,b\n1,2\n\"q\"z,2\n", 3)]
    public void MalformedQuotingNamesResourceAndLine(string text, int line)
    {
        var error = Assert.Throws<System.IO.InvalidDataException>(() => Parse(text));
        Assert.That(error!.Message, Does.StartWith($"{Resource}:{line}:"));
    }

    [Test]
    public void WrongFieldCountInAReferenceTableNamesResourceAndLine()
    {
        var files = ValidFiles();
        files[ReferenceCatalog.MembersResource] += "ZZZ,\"Nowhere, Republic of\",African,2020-01-01\n";

        var error = Assert.Throws<System.IO.InvalidDataException>(() => ReferenceCatalog.Load(n => new StringReader(files[n])));
        Assert.That(error!.Message, Does.StartWith($"{ReferenceCatalog.MembersResource}:4:"));
        Assert.That(error.Message, Does.Contain("expected 5 fields, found 4"));
    }

    [TestCase("ZZZ,Nowhere,Atlantis,2020-01-01,member\n", "is not a regional group")]
    [TestCase("ZZZ,Nowhere,African,2020-13-01,member\n", "is not an ISO date")]
    [TestCase("ZZZ,Nowhere,African,2020-01-01,guest\n", "status must be")]
    [TestCase("zzz,Nowhere,African,2020-01-01,member\n", "upper-case ISO3")]
    [TestCase("NLD,Again,African,2020-01-01,member\n", "duplicate state code")]
    public void InvalidMemberRowsAreRejected(string row, string message)
    {
        var files = ValidFiles();
        files[ReferenceCatalog.MembersResource] += row;

        var error = Assert.Throws<System.IO.InvalidDataException>(() => ReferenceCatalog.Load(n => new StringReader(files[n])));
        Assert.That(error!.Message, Does.StartWith($"{ReferenceCatalog.MembersResource}:4:").And.Contain(message));
    }

    [Test]
    public void BlocMembershipOfAnUnknownStateIsRejected()
    {
        var files = ValidFiles();
        files[ReferenceCatalog.BlocMembershipsResource] += "EU,MSR,2000-01-01,\n";

        var error = Assert.Throws<System.IO.InvalidDataException>(() => ReferenceCatalog.Load(n => new StringReader(files[n])));
        Assert.That(error!.Message, Does.StartWith($"{ReferenceCatalog.BlocMembershipsResource}:3:").And.Contain("MSR"));
    }

    [Test]
    public void SmallValidTablesLoad()
    {
        var files = ValidFiles();
        var catalog = ReferenceCatalog.Load(n => new StringReader(files[n]));

        Assert.That(catalog.States.Select(s => s.Code), Is.EqualTo(SmallCodes));
        Assert.That(catalog.Blocs["EU"].Contains("NLD", new DateOnly(2000, 1, 1)), Is.True);
        Assert.That(catalog.CouncilYears, Is.Empty);
        Assert.That(catalog.Positions["NLD"].Theta, Is.EqualTo(1.1), "the latest calibration year");
        Assert.That(catalog.Calibration.Find("NLD", 2020)!.Theta, Is.EqualTo(1.0));
        Assert.That(catalog.Calibration.Find("NLD", 2030)!.SourceYear, Is.EqualTo(2021));
        Assert.That(catalog.RollCalls.Find("A/RES/68/262", out _)!.Beta, Is.EqualTo(2.6));
    }

    private static Dictionary<string, string> ValidFiles() => new(StringComparer.Ordinal)
    {
        [ReferenceCatalog.MembersResource] =
            "iso3,name,un_regional_group,admitted,status\nNLD,\"Netherlands (Kingdom of the)\",WesternEuropeanAndOthers,1945-12-10,member\nDEU,Germany,WesternEuropeanAndOthers,1973-09-18,member\n",
        [ReferenceCatalog.BlocsResource] = "bloc,description\nEU,\"European Union, test\"\n",
        [ReferenceCatalog.BlocMembershipsResource] = "bloc,iso3,from,until\nEU,NLD,1958-01-01,\n",
        [ReferenceCatalog.CouncilTermsResource] = "iso3,first_year,last_year\nNLD,2018,2018\n",
        [ReferenceCatalog.PositionsResource] =
            "iso3,year,theta,theta_se,offset_palestinian_conflict,offset_nuclear_weapons,offset_arms_control,offset_human_rights,offset_colonialism,offset_economic_development,absence_rate,votes,records\n"
            + "NLD,2020,1.0,0.1,0,0,0,0,0,0,0.01,80,81\nNLD,2021,1.1,0.1,0,0,0,0.2,0,0,0.01,80,81\n",
        [ReferenceCatalog.RollCallsResource] =
            "roll_call,session,year,date,symbol,kind,issues,beta,tau1,tau2,beta_se,tau1_se,tau2_se,yes,abstain,no,absent,title\n"
            + "5309,68,2013,2014-03-27,A/RES/68/262,resolution,,2.6,-2.5,-0.6,0.3,0.2,0.1,100,58,11,24,Territorial integrity of Ukraine\n",
        [ReferenceCatalog.CalibrationModelResource] = "key,value\nposition_step_sd,0.15\n",
    };
}
