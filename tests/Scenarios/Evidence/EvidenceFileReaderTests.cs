using StemSimulator.Scenarios.Evidence;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios.Evidence;

/// <summary>
/// The evidence reader reads only the roll calls a scenario names, so the UN Digital Library's whole file can be given
/// as it is: a bad row of another roll call is passed over, a bad row of a named one is still reported at its line.
/// </summary>
public sealed class EvidenceFileReaderTests
{
    private static IReadOnlyCollection<string> Codes => ReferenceCatalog.Embedded.States.Select(s => s.Code).ToArray();

    /// <summary>The official fixture (twelve roll calls of 2020) with Afghanistan's row of A/RES/74/300 given a code no state has.</summary>
    private static string OfficialWithABadRow(TemporaryFolder folder, out int badLine)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.UndlOfficial, "ga_v3_long.csv"));
        badLine = Array.FindIndex(lines, l => l.Contains(",AFG,AFGHANISTAN,", StringComparison.Ordinal) && l.Contains(",A/RES/74/300,", StringComparison.Ordinal)) + 1;
        Assert.That(badLine, Is.GreaterThan(1), "the fixture holds Afghanistan's vote on A/RES/74/300");
        lines[badLine - 1] = lines[badLine - 1].Replace(",AFG,AFGHANISTAN,", ",AFX,AFGHANISTAN,", StringComparison.Ordinal);
        string path = folder.File("library.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Test]
    public void A_bad_row_of_a_roll_call_not_named_is_passed_over_and_the_named_one_reads_as_from_the_whole_file()
    {
        using var folder = new TemporaryFolder();
        string path = OfficialWithABadRow(folder, out _);

        var whole = EvidenceFileReader.Read(path, Codes);
        var named = EvidenceFileReader.Read(path, Codes, new HashSet<string>(["A/RES/75/24"], StringComparer.Ordinal));

        Assert.That(named.Problems, Is.Empty);
        Assert.That(named.RollCalls.Select(r => r.Symbol), Is.EqualTo(new[] { "A/RES/75/24" }));
        var fromWhole = whole.RollCalls.Single(r => r.Symbol == "A/RES/75/24");
        Assert.That(named.RollCalls[0].Votes.Select(v => (v.Code, v.Choice)), Is.EqualTo(fromWhole.Votes.Select(v => (v.Code, v.Choice))));
        Assert.That(named.RollCalls[0].Votes, Has.Count.EqualTo(193));
        Assert.That(named.Symbols, Has.Count.EqualTo(12), "every symbol of the file is kept for suggestions");
        Assert.That(whole.Problems, Has.Count.EqualTo(1), "read whole, the file has its one bad row");
    }

    [Test]
    public void A_bad_row_of_a_named_roll_call_is_reported_at_its_line_with_the_nearest_codes()
    {
        using var folder = new TemporaryFolder();
        string path = OfficialWithABadRow(folder, out int badLine);

        var named = EvidenceFileReader.Read(path, Codes, new HashSet<string>(["A/RES/74/300"], StringComparer.Ordinal));

        Assert.That(named.Problems, Has.Count.EqualTo(1));
        Assert.That(named.Problems[0].Line, Is.EqualTo(badLine));
        Assert.That(named.Problems[0].Message, Does.StartWith("member code 'AFX' (AFGHANISTAN) is not in the reference table; did you mean").And.Contain("'AFG'"));
    }

    [Test]
    public void The_short_layout_passes_over_other_roll_calls_too()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("short.csv");
        File.WriteAllText(path, """
            resolution,date,ms_code,ms_vote
            A/RES/77/1,2022-10-12,USA,Y
            A/RES/77/1,2022-10-12,RUS,N
            A/RES/77/2,2022-10-13,USX,Q
            A/RES/77/2,13/10/2022,FRA,Y

            """);

        var named = EvidenceFileReader.Read(path, Codes, new HashSet<string>(["A/RES/77/1"], StringComparer.Ordinal));
        var whole = EvidenceFileReader.Read(path, Codes);

        Assert.That(named.Problems, Is.Empty);
        Assert.That(named.RollCalls.Single().Votes.Select(v => v.Code), Is.EqualTo(new[] { "USA", "RUS" }));
        Assert.That(named.Symbols, Is.EquivalentTo(new[] { "A/RES/77/1", "A/RES/77/2" }));
        Assert.That(whole.Problems.Select(p => p.Line), Is.EqualTo(new[] { 4, 5 }));
    }
}
