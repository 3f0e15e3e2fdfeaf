using StemSimulator.Runner.Infrastructure;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Parquet;
using StemSimulator.Runner.Backtesting;
using StemSimulator.Runner.DriftBacktesting;
using StemSimulator.Runner.Elections;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Power;
using StemSimulator.Runner.VetoRecord;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>
/// docs/outputs.md stays true to the code: every column of every table a run, an election run and 'stemsim power' write
/// is documented in that table's section; and the DuckDB examples in docs/examples/duckdb.sql run on a real run.
/// </summary>
[NonParallelizable]
public sealed class OutputDocsTests
{
    private static string Docs => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "outputs.md"));

    [Test]
    public async Task Every_column_written_is_documented()
    {
        using var folder = new TemporaryFolder();
        Run("run", "scenarios/sc-veto-chain-2026.yaml", "--trials", "1000", "--out", folder.File("votes"), "--quiet", "--member-votes");
        Run("run", "scenarios/hrc-weog-2026.yaml", "--trials", "200", "--out", folder.File("elections"), "--quiet");
        Run("power", "--council", "current", "--out", folder.File("power"), "--quiet");
        Run("run", "scenarios/drift-brics-2026-2035.yaml", "--trials", "200", "--out", folder.File("drift"), "--quiet");
        var files = Directory.GetFiles(folder.Path, "*.parquet", SearchOption.AllDirectories);
        Assert.That(files.Select(TableName).Distinct().Order(StringComparer.Ordinal), Is.EqualTo(new[]
        {
            "concerned_party.parquet", "drift.parquet", "drift_adoption.parquet", "election_ballots.parquet", "election_rounds.parquet", "election_summary.parquet", "elections/",
            "member_probabilities.parquet", "member_votes/", "power.parquet", "summary.parquet", "trials/",
        }));
        var missing = new List<string>();
        foreach (string file in files)
        {
            string section = Section(TableName(file));
            var schema = await ParquetReader.ReadSchemaAsync(file);
            missing.AddRange(schema.GetDataFields().Where(f => !section.Contains($"`{f.Name}`", StringComparison.Ordinal)).Select(f => $"{Path.GetFileName(file)}: {f.Name}"));
        }

        string statistics = Section("statistics.json");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.File("votes"), "statistics.json")))!.AsObject();
        missing.AddRange(json.Select(p => p.Key).Where(k => !statistics.Contains($"`{k}`", StringComparison.Ordinal)).Select(k => $"statistics.json: {k}"));
        Assert.That(missing, Is.Empty, "columns missing from docs/outputs.md");
    }

    /// <summary>Every table described in the code: docs/outputs.md's rows for it are exactly the ones its description renders.</summary>
    private static IEnumerable<TableDescription> Described() =>
    [
        .. RunDescribed(), PowerTable.Description, BacktestTable.Description, DriftBacktestTable.Description, VetoFollowUpsTable.Description,
    ];

    /// <summary>The tables of 'stemsim run' (votes, elections, drift).</summary>
    private static IEnumerable<TableDescription> RunDescribed() =>
    [
        RunTables.Trials, RunTables.MemberVotes, RunTables.Summary, RunTables.MemberProbabilities, ConcernedPartyTable.Description, RunTables.Drift, RunTables.DriftAdoption,
        ElectionTableDescriptions.Elections, ElectionTableDescriptions.ElectionSummary, ElectionTableDescriptions.ElectionRounds,
        ElectionTableDescriptions.ElectionBallots,
    ];

    private static IEnumerable<string> DescribedFiles() => Described().Select(t => t.DisplayName);

    /// <summary>
    /// The table a written file belongs to, as docs/outputs.md heads it: <c>trials/</c> for a part
    /// <c>trials/shard=K/part-0.parquet</c>, otherwise the file's name.
    /// </summary>
    private static string TableName(string file)
    {
        var shardFolder = Path.GetDirectoryName(file)!;
        return Path.GetFileName(shardFolder).StartsWith("shard=", StringComparison.Ordinal)
            ? Path.GetFileName(Path.GetDirectoryName(shardFolder)) + "/"
            : Path.GetFileName(file);
    }

    [TestCaseSource(nameof(DescribedFiles))]
    public void Docs_rows_are_the_table_description(string file)
    {
        var table = Described().Single(t => t.DisplayName == file);
        var documented = Section(table.DisplayName).Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.TrimEnd()).ToArray();
        Assert.That(documented, Is.EqualTo(table.MarkdownRows().Select(r => r.TrimEnd()).ToArray()),
            $"docs/outputs.md's {table.FileName} section should read:\n{string.Join('\n', table.MarkdownRows())}");
    }

    [Test]
    public async Task Every_table_written_has_its_described_schema()
    {
        using var folder = new TemporaryFolder();
        Run("run", "scenarios/sc-veto-chain-2026.yaml", "--trials", "300", "--out", folder.File("votes"), "--quiet", "--member-votes");
        Run("run", "scenarios/hrc-weog-2026.yaml", "--trials", "100", "--out", folder.File("elections"), "--quiet");
        Run("run", "scenarios/drift-brics-2026-2035.yaml", "--trials", "100", "--out", folder.File("drift"), "--quiet");
        foreach (var table in RunDescribed())
        {
            string file = Directory.GetFiles(folder.Path, "*.parquet", SearchOption.AllDirectories).First(f => TableName(f) == table.DisplayName);
            var schema = await ParquetReader.ReadSchemaAsync(file);
            Assert.That(schema.Equals(table.Schema), Is.True, $"{table.FileName}: {schema} is not {table.Schema}");
        }
    }

    [Test]
    public void DuckDB_examples_run_on_a_real_run()
    {
        using var folder = new TemporaryFolder();
        string run = folder.File("run");
        Run("run", "scenarios/ga-hrc-suspension-2026.yaml", "--trials", "2000", "--out", run, "--quiet", "--member-votes");
        string sql = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "examples", "duckdb.sql"))
            .Replace("runs/ga-hrc-suspension-2026", run.Replace('\\', '/'), StringComparison.Ordinal);
        var statements = Regex.Split(Regex.Replace(sql, "--[^\n]*", string.Empty), @";\s*").Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        Assert.That(statements, Has.Length.EqualTo(9));
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (string statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            using var reader = command.ExecuteReader();
            int rows = 0;
            while (reader.Read())
            {
                rows++;
            }

            Assert.That(rows, Is.GreaterThan(0), statement);
        }
    }

    private static string Section(string file)
    {
        string docs = Docs;
        int start = docs.IndexOf($"## `{file}`", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"docs/outputs.md has no section for {file}");
        int end = docs.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? docs[start..] : docs[start..end];
    }

    private static void Run(params string[] arguments)
    {
        var result = CliProcess.Run(RepositoryPaths.Root, arguments);
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
    }
}
