using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Merging;

/// <summary>
/// <c>merge</c> combines every table a run writes (drift and election tables included), equal value by value to a
/// single run's as DuckDB reads them, and refuses a truncated shard before writing anything.
/// </summary>
public sealed class MergeEveryTableEndToEndTests
{
    [Test]
    public void Drift_tables_of_two_shards_merge_to_the_single_runs()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "drift-brics-2026-2035.yaml");
        RunShardsAndMerge(folder, scenario, "301", 2);
        using var connection = Open();
        foreach (var table in new[] { "summary", "member_probabilities", "drift", "drift_adoption" })
        {
            Assert.That(Count(connection, Path.Combine(folder.Path, "single", table + ".parquet")), Is.GreaterThan(0), table);
            Assert.That(SymmetricDifference(connection, Path.Combine(folder.Path, "single", table + ".parquet"), Path.Combine(folder.Path, "merged", table + ".parquet")), Is.Zero, table);
        }

        Assert.That(SymmetricDifference(connection, Path.Combine(folder.Path, "single", "trials", "**", "*.parquet"), Path.Combine(folder.Path, "merged", "trials", "**", "*.parquet")), Is.Zero, "trials");
    }

    [Test]
    public void Election_tables_of_three_shards_of_an_election_only_run_merge_to_the_single_runs()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "hrc-weog-2026.yaml");
        var merge = RunShardsAndMerge(folder, scenario, "401", 3);
        Assert.That(merge, Does.Contain("merged 3 of 3 shards"));
        Assert.That(File.Exists(Path.Combine(folder.Path, "shard-2", "elections", "shard=2", "part-0.parquet")), Is.True);
        using var connection = Open();
        foreach (var table in new[] { "election_summary", "election_rounds", "election_ballots" })
        {
            Assert.That(Count(connection, Path.Combine(folder.Path, "single", table + ".parquet")), Is.GreaterThan(0), table);
            Assert.That(SymmetricDifference(connection, Path.Combine(folder.Path, "single", table + ".parquet"), Path.Combine(folder.Path, "merged", table + ".parquet")), Is.Zero, table);
        }

        // One glob, as docs/outputs.md gives it, reads the per-trial table of a single run (one part, shard 0) and of the
        // merged shards (three parts).
        Assert.That(File.Exists(Path.Combine(folder.Path, "single", "elections", "shard=0", "part-0.parquet")), Is.True);
        Assert.That(Directory.GetFiles(Path.Combine(folder.Path, "merged", "elections"), "*.parquet", SearchOption.AllDirectories), Has.Length.EqualTo(3));
        string single = Path.Combine(folder.Path, "single", "elections", "**", "*.parquet");
        string merged = Path.Combine(folder.Path, "merged", "elections", "**", "*.parquet");
        Assert.That(Count(connection, merged), Is.EqualTo(Count(connection, single)));
        Assert.That(Count(connection, single), Is.EqualTo(3 * 401L), "a row per variant (three), seat group (one) and trial");
        Assert.That(SymmetricDifference(connection, single, merged), Is.Zero, "elections");
    }

    [Test]
    public void A_truncated_shard_is_refused_naming_the_file_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");
        for (int k = 0; k < 3; k++)
        {
            var shard = CliProcess.Run(folder.Path, "run", scenario, "--trials", "3001", "--shard-index", $"{k}", "--shard-count", "3", "--out", $"shard-{k}", "--quiet");
            Assert.That(shard.ExitCode, Is.Zero, shard.StandardError);
        }

        string part = Path.Combine(folder.Path, "shard-0", "trials", "shard=0", "part-0.parquet");
        Assert.That(new FileInfo(part).Length, Is.GreaterThan(2000));
        using (var stream = new FileStream(part, FileMode.Open))
        {
            stream.SetLength(2000);
        }

        var merge = CliProcess.Run(folder.Path, "merge", "shard-0", "shard-1", "shard-2", "--out", "merged");
        Assert.That(merge.ExitCode, Is.EqualTo(2), merge.StandardError);
        Assert.That(merge.StandardError, Does.Contain(Path.Combine("shard-0", "trials", "shard=0", "part-0.parquet")));
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "merged")), Is.False);

        // The whole shards merged without the damaged one are refused as incomplete, not merged partially.
        var partial = CliProcess.Run(folder.Path, "merge", "shard-1", "shard-2", "--out", "merged");
        Assert.That(partial.ExitCode, Is.EqualTo(2));
        Assert.That(partial.StandardError, Does.Contain("missing"));
    }

    private static string RunShardsAndMerge(TemporaryFolder folder, string scenario, string trials, int shards)
    {
        var single = CliProcess.Run(folder.Path, "run", scenario, "--trials", trials, "--out", "single", "--quiet");
        Assert.That(single.ExitCode, Is.Zero, single.StandardError);
        for (int k = 0; k < shards; k++)
        {
            var shard = CliProcess.Run(folder.Path, "run", scenario, "--trials", trials, "--shard-index", $"{k}", "--shard-count", $"{shards}", "--out", $"shard-{k}", "--quiet");
            Assert.That(shard.ExitCode, Is.Zero, shard.StandardError);
        }

        var merge = CliProcess.Run(folder.Path, ["merge", .. Enumerable.Range(0, shards).Reverse().Select(k => $"shard-{k}"), "--out", "merged"]);
        Assert.That(merge.ExitCode, Is.Zero, merge.StandardError);
        return merge.StandardOutput;
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static long Count(DuckDBConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{path}', hive_partitioning = false)";
        return (long)command.ExecuteScalar()!;
    }

    private static long SymmetricDifference(DuckDBConnection connection, string a, string b)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FROM (
              (SELECT * FROM read_parquet('{a}', hive_partitioning = false) EXCEPT ALL SELECT * FROM read_parquet('{b}', hive_partitioning = false))
              UNION ALL
              (SELECT * FROM read_parquet('{b}', hive_partitioning = false) EXCEPT ALL SELECT * FROM read_parquet('{a}', hive_partitioning = false)))
            """;
        return (long)command.ExecuteScalar()!;
    }
}
