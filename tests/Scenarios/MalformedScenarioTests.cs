using System.Text;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// The corpus of malformed scenarios in <c>tests/Scenarios/Malformed</c>: every file must fail to load, and its
/// messages (file:line:column: error: ...) must equal the golden file beside it (<c>NAME.expected.txt</c>).
/// </summary>
/// <remarks>
/// To add a case, write <c>NAME.yaml</c> (first line: a comment saying what is wrong) and regenerate the goldens;
/// review every changed golden with <c>git diff</c> before committing:
/// <code>STEMSIM_UPDATE_GOLDEN=1 dotnet test --filter FullyQualifiedName~MalformedScenarioTests</code>
/// With the variable set, the test writes the goldens instead of comparing (and still fails on a file that loads).
/// </remarks>
public sealed class MalformedScenarioTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Scenarios", "Malformed");

    private static bool Update => Golden.Updating;

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.EnumerateFiles(Folder, "*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetName(name));

    [Test]
    public void The_corpus_covers_every_category_with_at_least_60_cases()
    {
        var names = Cases().Select(c => (string)c.Arguments[0]!).ToArray();
        Assert.That(names, Has.Length.GreaterThanOrEqualTo(60));
        string[] categories =
        [
            "syntax-", "unknown-key-", "type-", "number-", "missing-", "member-", "bloc-", "probability-", "cutpoints-",
            "date-", "duplicate-", "reference-", "chain-", "reform-", "cosponsors-", "limit-", "include-", "encoding-", "evidence-",
        ];
        foreach (var category in categories)
        {
            Assert.That(names.Any(n => n.StartsWith(category, StringComparison.Ordinal)), Is.True, $"no case for {category}");
        }

        var orphans = Directory.EnumerateFiles(Folder, "*.expected.txt")
            .Select(f => Path.GetFileName(f).Replace(".expected.txt", ".yaml", StringComparison.Ordinal))
            .Except(names, StringComparer.Ordinal);
        Assert.That(orphans, Is.Empty, "golden files without a scenario");
    }

    [TestCaseSource(nameof(Cases))]
    public void Fails_with_the_expected_messages(string name)
    {
        // Loaded by its full path so that files it names (evidence) resolve beside it; messages name files relative to the corpus.
        var result = ScenarioLoader.Load(Path.Combine(Folder, name), File.ReadAllBytes(Path.Combine(Folder, name)));

        Assert.That(result.Succeeded, Is.False, $"{name} loaded; a malformed scenario must fail");
        var actual = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            actual.Append(diagnostic.ToString().Replace(Folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)).Append('\n');
        }

        string golden = Path.Combine(Folder, Path.GetFileNameWithoutExtension(name) + ".expected.txt");
        if (Update)
        {
            File.WriteAllText(golden, actual.ToString());
            return;
        }

        Assert.That(File.Exists(golden), Is.True, $"no golden file {Path.GetFileName(golden)}; regenerate with STEMSIM_UPDATE_GOLDEN=1 (see the class remarks)");
        Assert.That(actual.ToString(), Is.EqualTo(File.ReadAllText(golden).ReplaceLineEndings("\n")));
    }
}
