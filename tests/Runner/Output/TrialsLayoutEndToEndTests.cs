using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>
/// One trials layout for every run: a single run, the shards of a sharded run and their merge all hold
/// <c>trials/shard=K/part-0.parquet</c>, and the one glob <c>read_parquet('RUN/trials/**/*.parquet')</c> of
/// docs/outputs.md reads the same trials table from each, as DuckDB sees it.
/// </summary>
[NonParallelizable]
public sealed class TrialsLayoutEndToEndTests
{
    private const string Scenario = "scenarios/ga-hrc-suspension-2026.yaml";

    [Test]
    public void One_glob_reads_the_same_trials_from_a_single_a_sharded_and_a_merged_run()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Root, Scenario);
        Run(folder, "run", scenario, "--trials", "1501", "--out", "single", "--quiet");
        for (int k = 0; k < 3; k++)
        {
            Run(folder, "run", scenario, "--trials", "1501", "--shard-index", $"{k}", "--shard-count", "3", "--out", $"shard-{k}", "--quiet");
        }

        Run(folder, "merge", "shard-0", "shard-1", "shard-2", "--out", "merged", "--quiet");
        Assert.That(Parts(folder, "single"), Is.EqualTo(new[] { Path.Combine("trials", "shard=0", "part-0.parquet") }));
        Assert.That(Parts(folder, "shard-1"), Is.EqualTo(new[] { Path.Combine("trials", "shard=1", "part-0.parquet") }));
        Assert.That(Parts(folder, "merged"), Is.EqualTo(Enumerable.Range(0, 3).Select(k => Path.Combine("trials", $"shard={k}", "part-0.parquet"))));

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        string single = Glob(folder, "single"), merged = Glob(folder, "merged"), sharded = Glob(folder, "shard-*");
        // The glob exactly as the docs give it: DuckDB adds the column 'shard' from the folder names.
        Assert.That(Scalar(connection, $"SELECT count(*) FROM read_parquet('{single}')"), Is.EqualTo(2 * 1501L), "two variants, one vote");
        Assert.That(Scalar(connection, $"SELECT count(DISTINCT shard) FROM read_parquet('{single}')"), Is.EqualTo(1L));
        Assert.That(Scalar(connection, $"SELECT count(DISTINCT shard) FROM read_parquet('{merged}')"), Is.EqualTo(3L));
        Assert.That(Scalar(connection, $"SELECT count(DISTINCT trial) FROM read_parquet('{merged}')"), Is.EqualTo(1501L));
        foreach (var (name, other) in new[] { ("merged", merged), ("sharded", sharded) })
        {
            Assert.That(Scalar(connection, $"""
                SELECT count(*) FROM (
                  (SELECT * EXCLUDE (shard) FROM read_parquet('{single}') EXCEPT ALL SELECT * EXCLUDE (shard) FROM read_parquet('{other}'))
                  UNION ALL
                  (SELECT * EXCLUDE (shard) FROM read_parquet('{other}') EXCEPT ALL SELECT * EXCLUDE (shard) FROM read_parquet('{single}')))
                """), Is.Zero, $"the {name} run's trials are the single run's, row for row");
        }
    }

    private static string Glob(TemporaryFolder folder, string run) => Path.Combine(folder.Path, run, "trials", "**", "*.parquet").Replace('\\', '/');

    private static IEnumerable<string> Parts(TemporaryFolder folder, string run) =>
        Directory.GetFiles(Path.Combine(folder.Path, run, "trials"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(folder.Path, run), f))
            .Order(StringComparer.Ordinal);

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Run(TemporaryFolder folder, params string[] arguments)
    {
        var result = CliProcess.Run(folder.Path, arguments);
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
    }
}
