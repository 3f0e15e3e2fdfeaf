using System.IO.Compression;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.ReferenceData;

/// <summary>
/// src/Scenarios/ReferenceData/roll_call_concerns.csv (made by tools/refdata/make_roll_call_concerns.py): the
/// Assembly roll calls whose titles name the situation of a state, with the states concerned.
/// </summary>
public sealed class RollCallConcernsTableTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "src", "Scenarios", "ReferenceData");

    private static List<string[]> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "roll_call_concerns.csv"));
        Assert.That(lines[0], Is.EqualTo("roll_call,year,symbol,concerns,rule,title"));
        // The first five columns never hold commas (only the title may be quoted).
        return lines.Skip(1).Select(l => l.Split(',', 6)).ToList();
    }

    [Test]
    public void Every_row_is_a_calibration_roll_call_with_the_same_symbol_and_known_member_codes()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Folder, "calibration_roll_calls.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var symbols = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',', 6);
            symbols[cells[0]] = cells[4];
        }

        var rows = Rows();
        Assert.That(rows, Has.Count.GreaterThan(1000));
        foreach (var row in rows)
        {
            Assert.That(symbols.GetValueOrDefault(row[0]), Is.EqualTo(row[2]), $"roll call {row[0]}");
            foreach (var code in row[3].Split(';'))
            {
                Assert.That(ReferenceCatalog.Embedded.FindState(code), Is.Not.Null, $"roll call {row[0]}: {code}");
            }
        }

        Assert.That(rows.Select(r => r[0]).Distinct().Count(), Is.EqualTo(rows.Count), "a roll call is listed once");
    }

    [TestCase("A/RES/68/262", "RUS", "ukraine-territorial-integrity")]
    [TestCase("A/RES/70/5", "USA", "cuba-embargo")]
    [TestCase("A/RES/72/191", "SYR", "human-rights-in-state")]
    [TestCase("A/RES/74/168", "RUS", "crimea")]
    [TestCase("A/RES/69/188", "PRK", "human-rights-in-state")]
    [TestCase("A/RES/71/204", "IRN", "human-rights-in-state")]
    public void Known_country_situation_texts_name_the_state_concerned(string symbol, string concerns, string rule)
    {
        var row = Rows().Single(r => r[2] == symbol);

        Assert.That((row[3], row[4]), Is.EqualTo((concerns, rule)));
    }

    [Test]
    public void Thematic_texts_are_not_labelled()
    {
        var rules = Rows().Select(r => r[5]).ToArray();

        Assert.That(rules.Where(t => t.StartsWith("Nuclear disarmament", StringComparison.Ordinal) || t.StartsWith("Human rights and unilateral coercive measures", StringComparison.Ordinal)), Is.Empty);
    }
}
