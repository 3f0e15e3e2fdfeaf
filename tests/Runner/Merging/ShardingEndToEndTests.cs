using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Merging;

/// <summary>Shards run as separate processes and merged equal the single run, bit for bit.</summary>
public sealed class ShardingEndToEndTests
{
    private const string Trials = "6001";

    private static string Scenario => Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");

    [Test]
    public async Task Three_shard_processes_merged_equal_the_single_run()
    {
        using var folder = new TemporaryFolder();
        var single = CliProcess.Run(folder.Path, "run", Scenario, "--trials", Trials, "--out", "single");
        Assert.That(single.ExitCode, Is.Zero, single.StandardError);

        var shards = await Task.WhenAll(Enumerable.Range(0, 3).Select(k => Task.Run(() =>
            CliProcess.Run(folder.Path, "run", Scenario, "--trials", Trials, "--shard-index", $"{k}", "--shard-count", "3", "--out", $"shard-{k}", "--threads", "1"))));
        foreach (var shard in shards)
        {
            Assert.That(shard.ExitCode, Is.Zero, shard.StandardError);
        }

        Assert.That(File.Exists(Path.Combine(folder.Path, "shard-1", "trials", "shard=1", "part-0.parquet")), Is.True);
        var merge = CliProcess.Run(folder.Path, "merge", "shard-2", "shard-0", "shard-1", "--out", "merged");
        Assert.That(merge.ExitCode, Is.Zero, merge.StandardError);
        Assert.That(merge.StandardOutput, Does.Contain("merged 3 of 3 shards"));

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var table in new[] { "summary", "member_probabilities", "concerned_party" })
        {
            Assert.That(SymmetricDifference(connection, Path.Combine(folder.Path, "single", table + ".parquet"), Path.Combine(folder.Path, "merged", table + ".parquet")), Is.Zero, table);
        }

        string mergedTrials = Path.Combine(folder.Path, "merged", "trials", "*", "*.parquet");
        string singleTrials = Path.Combine(folder.Path, "single", "trials", "*", "*.parquet");
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*), count(DISTINCT shard) FROM read_parquet('{mergedTrials}', hive_partitioning = true)
            """;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            Assert.That(rows.GetInt64(0), Is.EqualTo(2 * 6001), "two variants");
            Assert.That(rows.GetInt64(1), Is.EqualTo(3));
        }

        command.CommandText = $"""
            SELECT count(*) FROM (
              (SELECT * EXCLUDE (shard) FROM read_parquet('{mergedTrials}', hive_partitioning = true)
               EXCEPT ALL SELECT * EXCLUDE (shard) FROM read_parquet('{singleTrials}', hive_partitioning = true))
              UNION ALL
              (SELECT * EXCLUDE (shard) FROM read_parquet('{singleTrials}', hive_partitioning = true)
               EXCEPT ALL SELECT * EXCLUDE (shard) FROM read_parquet('{mergedTrials}', hive_partitioning = true)))
            """;
        Assert.That(command.ExecuteScalar(), Is.EqualTo(0L), "the shards' trial rows are the single run's");

        // The query shipped in deploy/ reads the sharded folder as one table.
        string query = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "query.sql"))
            .Replace("OUT/merged", Path.Combine(folder.Path, "merged"), StringComparison.Ordinal);
        command.CommandText = query;
        using var result = command.ExecuteReader();
        int groups = 0;
        while (result.Read())
        {
            groups++;
            Assert.That(result.GetInt64(result.GetOrdinal("trials")), Is.EqualTo(6001));
            Assert.That(result.GetInt64(result.GetOrdinal("shards")), Is.EqualTo(3));
        }

        Assert.That(groups, Is.EqualTo(2), "baseline and one variant");
    }

    [Test]
    public void Rerunning_a_shard_reproduces_its_files_byte_for_byte()
    {
        using var folder = new TemporaryFolder();
        string[] Arguments(string output) => ["run", Scenario, "--trials", Trials, "--shard-index", "1", "--shard-count", "3", "--out", output];

        var first = CliProcess.Run(folder.Path, Arguments("first"));
        var second = CliProcess.Run(folder.Path, [.. Arguments("second"), "--threads", "1"]);

        Assert.That(first.ExitCode, Is.Zero, first.StandardError);
        Assert.That(second.ExitCode, Is.Zero, second.StandardError);
        foreach (var file in new[] { Path.Combine("trials", "shard=1", "part-0.parquet"), "summary.parquet", "member_probabilities.parquet", "statistics.json" })
        {
            Assert.That(File.ReadAllBytes(Path.Combine(folder.Path, "second", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(folder.Path, "first", file))), file);
        }
    }

    [Test]
    public void Merge_refuses_an_incomplete_or_mixed_set_of_shards()
    {
        using var folder = new TemporaryFolder();
        foreach (int k in new[] { 0, 2 })
        {
            var run = CliProcess.Run(folder.Path, "run", Scenario, "--trials", "300", "--shard-index", $"{k}", "--shard-count", "3", "--out", $"shard-{k}");
            Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        }

        var other = CliProcess.Run(folder.Path, "run", Scenario, "--trials", "300", "--seed", "9", "--shard-index", "1", "--shard-count", "3", "--out", "other-seed");
        Assert.That(other.ExitCode, Is.Zero, other.StandardError);

        var missing = CliProcess.Run(folder.Path, "merge", "shard-0", "shard-2", "--out", "merged");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.StandardError, Does.Contain("shard(s) 1 of 3 missing"));

        var mixed = CliProcess.Run(folder.Path, "merge", "shard-0", "other-seed", "shard-2", "--out", "merged");
        Assert.That(mixed.ExitCode, Is.EqualTo(2));
        Assert.That(mixed.StandardError, Does.Contain("is not a shard of the same run"));

        var twice = CliProcess.Run(folder.Path, "merge", "shard-0", "shard-0", "--out", "merged");
        Assert.That(twice.ExitCode, Is.EqualTo(2));
        Assert.That(twice.StandardError, Does.Contain("given more than once"));
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "merged")), Is.False);

        var bad = CliProcess.Run(folder.Path, "run", Scenario, "--trials", "300", "--shard-index", "3", "--shard-count", "3");
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.StandardError, Does.Contain("--shard-index must be between 0 and 2"));
    }

    private static long SymmetricDifference(DuckDBConnection connection, string a, string b)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FROM (
              (SELECT * FROM read_parquet('{a}') EXCEPT ALL SELECT * FROM read_parquet('{b}'))
              UNION ALL
              (SELECT * FROM read_parquet('{b}') EXCEPT ALL SELECT * FROM read_parquet('{a}')))
            """;
        return (long)command.ExecuteScalar()!;
    }
}
