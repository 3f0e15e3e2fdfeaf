using System.Text.Json;
using StemSimulator.Runner.Analogs;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Members;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>
/// <c>--format table|csv|json</c> of <c>members</c> and <c>analogs</c>: CSV and JSON hold the same rows as the table
/// and nothing else; a piped table has no box drawing, and at 80 columns it fits without splitting a number.
/// </summary>
public sealed class TableFormatTests
{
    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Test]
    public void Members_as_CSV_and_JSON_list_the_193_members_with_canonical_group_names()
    {
        var csv = new TestStreams(200);
        Assert.That(new MembersService(csv.Streams, Clock).List(null, null, quiet: false, OutputFormat.Csv), Is.Zero);
        var lines = csv.Out.Output.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo("code,name,regional_group,admitted,blocs"));
        Assert.That(lines, Has.Length.EqualTo(194), "a header and the 193 members, nothing else");
        Assert.That(lines, Has.One.EqualTo("NLD,Netherlands (Kingdom of the),WEOG,1945-12-10,EU NATO"));

        var json = new TestStreams(200);
        Assert.That(new MembersService(json.Streams, Clock).List("African Group", null, quiet: false, OutputFormat.Json), Is.Zero);
        using var document = JsonDocument.Parse(json.Out.Output);
        var rows = document.RootElement.EnumerateArray().ToArray();
        Assert.That(rows, Has.Length.EqualTo(54));
        Assert.That(rows.Select(r => r.GetProperty("regional_group").GetString()).Distinct(), Is.EqualTo(new[] { "AFRICAN_GROUP" }));
    }

    [Test]
    public void Analogs_as_CSV_and_JSON_carry_symbols_ids_and_counts_as_numbers()
    {
        var csv = new TestStreams(200);
        Assert.That(new AnalogsService(csv.Streams).List(new AnalogsRequest("territorial integrity Ukraine", null, null, null, null, "ga", null, 2, OutputFormat.Csv)), Is.Zero);
        var lines = csv.Out.Output.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo("symbol,roll_call,date,yes,no,abstain,kind,issues,concerns,beta,title"));
        Assert.That(lines[1], Is.EqualTo("A/RES/68/262,5309,2014-03-27,100,11,58,resolution,,RUS,2.57,Territorial integrity of Ukraine"));
        Assert.That(lines, Has.Length.EqualTo(3));

        var json = new TestStreams(200);
        Assert.That(new AnalogsService(json.Streams).List(new AnalogsRequest("territorial integrity Ukraine", null, null, null, null, "ga", null, 2, OutputFormat.Json)), Is.Zero);
        using var document = JsonDocument.Parse(json.Out.Output);
        var first = document.RootElement[0];
        Assert.That(first.GetProperty("symbol").GetString(), Is.EqualTo("A/RES/68/262"));
        Assert.That(first.GetProperty("yes").GetInt32(), Is.EqualTo(100));
        Assert.That(first.GetProperty("beta").GetDouble(), Is.EqualTo(2.57));
    }

    [Test]
    public void Golden_analogs_table_at_80_columns_fits_without_box_drawing_or_split_numbers()
    {
        var streams = new TestStreams(80);
        Assert.That(new AnalogsService(streams.Streams).List(new AnalogsRequest("territorial integrity Ukraine", null, null, null, null, "ga", null, 3)), Is.Zero);
        string output = streams.Out.Output;
        Assert.That(output.Split('\n').Skip(1).Select(l => l.TrimEnd().Length), Has.All.LessThanOrEqualTo(80));
        Assert.That(output, Does.Not.Contain("│").And.Not.Contain("╭"), "a piped table draws no boxes");
        Assert.That(output, Does.Contain("2014-03-27").And.Contain(" 100 ").And.Contain(" 58 ").And.Contain("1975-12-03"), "dates and counts stay whole");
        Golden.AssertMatches("analogs-ukraine-80.txt", output);
    }
}
