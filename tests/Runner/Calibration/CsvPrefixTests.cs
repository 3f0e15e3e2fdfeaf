using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Calibration;
using StemSimulator.Tests.ReferenceData;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>
/// Rows passed over at the level of bytes (<see cref="CsvPrefix"/>) leave the full reader to read the rest from the
/// right byte and line, and anything that is not plainly one row stops the passing over.
/// </summary>
public sealed class CsvPrefixTests
{
    private static readonly string[] Columns = ["id", "name"];

    [Test]
    public void Rows_after_the_passed_over_ones_keep_their_lines()
    {
        using var folder = new TemporaryFolder();
        string file = Path.Combine(folder.Path, "t.csv");
        File.WriteAllText(file, "\uFEFFid,name\r\n1,a\r\n\r\n2,\"b, c\"\r\n3,d\r\n1,e\r\n");

        var rows = Read(file, row => row.Digits(0, out int id) && id < 3 && row[1].Length > 0);

        Assert.That(rows, Is.EqualTo(new[] { ("3", "d", 5), ("1", "e", 6) }));
    }

    [TestCase("id,name\n1,a\n1,\"x\ny\"\n1,b\n", 3)]
    [TestCase("id,name\n1,a\n1,\"x\"\"y\"\n1,b\n", 3)]
    [TestCase("id,name\n1,a\n1,x\"y\n1,b\n", 3)]
    [TestCase("id,name\n1,a\n1,x,y\n1,b\n", 3)]
    [TestCase("id,name\n1,a\n1,\"x\"y\n1,b\n", 3)]
    [TestCase("id,name\n1,a\n1,x\ry\n1,b\n", 3)]
    public void A_row_that_is_not_plainly_one_line_of_the_headers_fields_is_read_in_full(string text, int firstLineRead)
    {
        using var folder = new TemporaryFolder();
        string file = Path.Combine(folder.Path, "t.csv");
        File.WriteAllText(file, text);
        var problems = new DataProblems();

        var lines = SharedCsv.Rows(file, problems, null, _ => true, Columns).Select(r => r.Line).ToList();
        var full = SharedCsv.Rows(file, new DataProblems(), null, null, Columns).Select(r => r.Line).ToList();

        Assert.That(lines, Is.EqualTo(full.Where(l => l >= firstLineRead)));
        Assert.That(problems.All.Select(p => p.Line), Is.All.GreaterThanOrEqualTo(firstLineRead));
    }

    [Test]
    public void A_doubled_quote_is_passed_over_in_a_field_not_picked_and_read_in_full_in_a_picked_one()
    {
        using var folder = new TemporaryFolder();
        string file = Path.Combine(folder.Path, "t.csv");
        File.WriteAllText(file, "id,name,note\n1,a,\"x\"\"y, z\"\"\"\n1,\"b\"\"c\",z\n2,d,e\n");

        var rows = Read(file, row => row.Digits(0, out int id) && id == 1);
        var full = Read(file, _ => false);

        Assert.That(full, Is.EqualTo(new[] { ("1", "a", 2), ("1", "b\"c", 3), ("2", "d", 4) }), "the full reader's rows: three fields each, a doubled quote one quote");
        Assert.That(rows, Is.EqualTo(full.Skip(1)), "the row with a doubled quote in its third field is passed over; the one with it in a picked field is read");
    }

    [Test]
    public void Voetens_file_of_the_shared_data_can_be_passed_over_to_its_end()
    {
        // Its roll call 1429 (1973) quotes a field as "0\""", a doubled quote; the scan used to stop there and read
        // the remaining 1973-2015 rows in full in every update.
        string file = Path.Combine(SharedData.RequireUnDataDirectory(), "voeten_unvotes_2017", "unvotes_1946_2015_members_with_absent.csv");
        Assert.That(File.ReadLines(file).Any(l => l.Contains("\"\"", StringComparison.Ordinal)), "the file has doubled quotes");

        var end = CsvPrefix.Skip(file, [0, 2, 3], _ => true);

        Assert.That(end, Is.EqualTo((new FileInfo(file).Length, File.ReadLines(file).Count() + 1)));
    }

    [Test]
    public void Passing_over_every_row_reads_nothing_and_a_file_without_a_final_newline_too()
    {
        using var folder = new TemporaryFolder();
        string file = Path.Combine(folder.Path, "t.csv");
        File.WriteAllText(file, "id,name\n1,a\n2,b");

        Assert.That(Read(file, _ => true), Is.Empty);
        Assert.That(Read(file, row => row.Line < 3), Is.EqualTo(new[] { ("2", "b", 3) }));
    }

    private static List<(string, string, int)> Read(string file, SkippableRow skip) =>
        SharedCsv.Rows(file, new DataProblems(), null, skip, Columns).Select(r => (r[0], r[1], r.Line)).ToList();
}
