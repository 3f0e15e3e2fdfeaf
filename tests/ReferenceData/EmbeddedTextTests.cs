using StemSimulator.Scenarios.Csv;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

/// <summary>
/// The embedded tables read from their spans in memory (<see cref="CsvTextReader"/>, how the product reads them) against
/// the same tables read by the project's stream reader (<see cref="CsvRecordReader"/>, as a user's files are read): the
/// same records, lines and problems, and the same catalog, record by record.
/// </summary>
[TestFixture]
public sealed class EmbeddedTextTests
{
    private const string Resource = "test.csv";

    private static readonly string[] EmbeddedTables = typeof(ReferenceCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("StemSimulator.Scenarios.ReferenceData.", StringComparison.Ordinal)
            && (n.EndsWith(".csv", StringComparison.Ordinal) || n.EndsWith(".csv.gz", StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static readonly string[] Texts =
    [
        "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nplain,,last\n",
        "\uFEFFa,b\n1,2",
        "a,b\r\n\r\n\r\n1,2\r\n3,\r\n,4",
        "a,\"b\r\nc\",d\n\"\"\"\",\"\"\ne,f,",
        "only\n",
        "",
        "\n\n",
        "a,b\n\"open,2\n",
        "a,b\nx\"y,2\n",
        "a,b\n1,2\n\"q\"z,2\n",
        "a,\"multi\nline\"x,2\n",
        "a\r\"b\rc\"\n",
    ];

    private static readonly int[] BufferSizes = [1, 2, 3, 5, 8, 64, 1 << 16];

    [TestCaseSource(nameof(EmbeddedTables))]
    public void EveryEmbeddedTableGivesTheSameRecordsFromItsSpans(string resource)
    {
        var expected = ReadByStream(ReferenceCatalog.EmbeddedOpener()(resource));
        var actual = ReadAll(ReferenceCatalog.EmbeddedText(resource));
        // A small buffer, so that records straddle its refills and some outgrow it.
        var small = ReadAll(ReferenceRecords.FromSpans(ReferenceCatalog.EmbeddedOpener()(resource), resource, 100));

        Assert.That(expected.Records, Is.Not.Empty);
        Assert.That(actual.Problem, Is.Null);
        Assert.That(actual.Records, Has.Count.EqualTo(expected.Records.Count));
        for (int k = 0; k < expected.Records.Count; k++)
        {
            Assert.That(actual.Records[k], Is.EqualTo(expected.Records[k]), $"{resource}, record {k}");
        }

        Assert.That(small, Is.EqualTo(actual));
    }

    [Test]
    public void AnyTextGivesTheStreamReadersRecordsAndProblemsWithAnyBuffer(
        [ValueSource(nameof(Texts))] string text, [ValueSource(nameof(BufferSizes))] int bufferSize)
    {
        var expected = ReadByStream(new StringReader(text));
        var actual = ReadAll(ReferenceRecords.FromSpans(new StringReader(text), Resource, bufferSize));

        Assert.That(actual.Problem, Is.EqualTo(expected.Problem));
        Assert.That(actual.Records, Is.EqualTo(expected.Records));
    }

    [Test]
    public void TheEmbeddedCatalogIsTheOneTheStreamReaderBuilds()
    {
        var expected = ReferenceCatalog.Load(ReferenceCatalog.EmbeddedOpener());
        var actual = ReferenceCatalog.Embedded;

        Assert.That(actual.States, Is.EqualTo(expected.States));
        Assert.That(actual.Blocs.Keys.Order(StringComparer.Ordinal), Is.EqualTo(expected.Blocs.Keys.Order(StringComparer.Ordinal)));
        foreach (var (name, bloc) in expected.Blocs)
        {
            Assert.That(actual.Blocs[name].Description, Is.EqualTo(bloc.Description), name);
            Assert.That(actual.Blocs[name].Memberships, Is.EqualTo(bloc.Memberships), name);
        }

        Assert.That(actual.CouncilYears, Is.EqualTo(expected.CouncilYears));
        foreach (int year in expected.CouncilYears)
        {
            Assert.That(actual.ElectedCouncilMembers(year), Is.EqualTo(expected.ElectedCouncilMembers(year)), $"{year}");
        }

        Assert.That(actual.CalibrationModel.Values, Is.EquivalentTo(expected.CalibrationModel.Values));
        Assert.That(actual.RollCalls.All, Is.EqualTo(expected.RollCalls.All));
        AssertSamePositions(actual.Calibration, expected.Calibration);
        Assert.That(actual.Positions.Keys.Order(StringComparer.Ordinal), Is.EqualTo(expected.Positions.Keys.Order(StringComparer.Ordinal)));
    }

    [TestCase("ZZZ,Nowhere,Atlantis,2020-01-01,member\n", "is not a regional group")]
    [TestCase("ZZZ,Nowhere,African,2020-13-01,member\n", "is not an ISO date")]
    [TestCase("ZZZ,Nowhere,African,2020-01-01,guest\n", "status must be 'member' or 'observer', not 'guest'")]
    [TestCase("zzz,Nowhere,African,2020-01-01,member\n", "'zzz' is not an upper-case ISO3")]
    [TestCase("ZZZ,\"Nowhere, Republic of\",African,2020-01-01\n", "expected 5 fields, found 4")]
    [TestCase("ZZZ,\"Nowhere\"x,African,2020-01-01,member\n", "unexpected character 'x' after a closing quote")]
    public void ProblemsAreReportedAsTheStreamReaderReportsThem(string row, string message)
    {
        var small = SmallTables();
        small[ReferenceCatalog.MembersResource] += row;

        var fromStream = Assert.Throws<InvalidDataException>(() => ReferenceCatalog.Load(n => new StringReader(small[n])));
        var fromText = Assert.Throws<InvalidDataException>(() => ReferenceCatalog.Load(n => FromText(small[n], n)));

        Assert.That(fromText!.Message, Is.EqualTo(fromStream!.Message));
        Assert.That(fromText.Message, Does.StartWith($"{ReferenceCatalog.MembersResource}:3:").And.Contain(message));
    }

    [Test]
    public void AWrongHeaderIsReportedAsTheStreamReaderReportsIt()
    {
        var small = SmallTables();
        small[ReferenceCatalog.BlocsResource] = "bloc,\"desc\"\"ription\"\nEU,x\n";

        var fromStream = Assert.Throws<InvalidDataException>(() => ReferenceCatalog.Load(n => new StringReader(small[n])));
        var fromText = Assert.Throws<InvalidDataException>(() => ReferenceCatalog.Load(n => FromText(small[n], n)));

        Assert.That(fromText!.Message, Is.EqualTo(fromStream!.Message));
        Assert.That(fromText.Message, Does.Contain("header is 'bloc,desc\"ription', expected 'bloc,description'"));
    }

    private static void AssertSamePositions(CalibratedPositions actual, CalibratedPositions expected)
    {
        Assert.That(actual.Codes, Is.EqualTo(expected.Codes));
        Assert.That((actual.FirstYear, actual.LatestYear, actual.PositionStepSd), Is.EqualTo((expected.FirstYear, expected.LatestYear, expected.PositionStepSd)));
        foreach (var code in expected.Codes)
        {
            for (int year = expected.FirstYear; year <= expected.LatestYear; year++)
            {
                var want = expected.Find(code, year)!;
                var got = actual.Find(code, year)!;
                Assert.That(got with { IssueOffsets = want.IssueOffsets }, Is.EqualTo(want), $"{code} {year}");
                Assert.That(got.IssueOffsets, Is.EqualTo(want.IssueOffsets), $"{code} {year}");
            }
        }
    }

    private static ReferenceRecords FromText(string text, string name) => ReferenceRecords.FromSpans(new StringReader(text), name, 8);

    private static (List<(int Line, string[] Fields)> Records, string? Problem) ReadByStream(TextReader reader) =>
        ReadAll(ReferenceRecords.FromReader(reader, Resource));

    private static (List<(int Line, string[] Fields)> Records, string? Problem) ReadAll(ReferenceRecords records)
    {
        var read = new List<(int, string[])>();
        try
        {
            while (records.Read())
            {
                read.Add((records.Line, Enumerable.Range(0, records.FieldCount).Select(records.Text).ToArray()));
            }
        }
        catch (InvalidDataException e)
        {
            return (read, e.Message.Replace(records.Resource, Resource, StringComparison.Ordinal));
        }
        finally
        {
            records.Dispose();
        }

        return (read, null);
    }

    private static Dictionary<string, string> SmallTables() => new(StringComparer.Ordinal)
    {
        [ReferenceCatalog.MembersResource] = "iso3,name,un_regional_group,admitted,status\nNLD,Netherlands,WesternEuropeanAndOthers,1945-12-10,member\n",
        [ReferenceCatalog.BlocsResource] = "bloc,description\nEU,\"European Union, test\"\n",
        [ReferenceCatalog.BlocMembershipsResource] = "bloc,iso3,from,until\nEU,NLD,1958-01-01,\n",
        [ReferenceCatalog.CouncilTermsResource] = "iso3,first_year,last_year\nNLD,2018,2018\n",
        [ReferenceCatalog.PositionsResource] =
            "iso3,year,theta,theta_se,offset_palestinian_conflict,offset_nuclear_weapons,offset_arms_control,offset_human_rights,offset_colonialism,offset_economic_development,absence_rate,votes,records\n"
            + "NLD,2020,1.0,0.1,0,0,0,0,0,0,0.01,80,81\n",
        [ReferenceCatalog.RollCallsResource] =
            "roll_call,session,year,date,symbol,kind,issues,beta,tau1,tau2,beta_se,tau1_se,tau2_se,yes,abstain,no,absent,title\n"
            + "5309,68,2013,2014-03-27,A/RES/68/262,resolution,,2.6,-2.5,-0.6,0.3,0.2,0.1,100,58,11,24,\"Territorial integrity of \"\"Ukraine\"\"\"\n",
        [ReferenceCatalog.CalibrationModelResource] = "key,value\nposition_step_sd,0.15\n",
    };
}
