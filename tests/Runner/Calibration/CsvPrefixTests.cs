using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Calibration;
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
