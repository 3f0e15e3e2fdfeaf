using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Parquet;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>
/// A run conditioned on announced votes, through the real CLI: it says so in --json, the Parquet metadata and
/// statistics.json; its shards merge into exactly the single run (draws included); nearly impossible announcements
/// are an input error without a stack trace; an unconditioned run's JSON has no trace of it.
/// </summary>
public sealed class GivenEndToEndTests
{
    private static readonly string Yaml = ScenarioYaml.Conditioned(trials: 3000, seed: 4, name: "conditioning-test") + """
            given: { GBR: no }
        variants:
          - name: unknown
            votes: { v: { given: {} } }
        """;

    [Test]
    public async Task A_conditioned_run_says_so_and_its_shards_merge_to_the_single_run()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "given.yaml"), Yaml);
        var run = CliProcess.Run(folder.Path, "run", "given.yaml", "--out", "single", "--json");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var json = JsonNode.Parse(run.StandardOutput)!;
        var conditioned = json["conditioned"]!.AsArray();
        Assert.That(conditioned, Has.Count.EqualTo(1), "only the baseline is conditioned");
        var row = conditioned[0]!;
        long trials = row["trials"]!.GetValue<long>(), draws = row["draws"]!.GetValue<long>();
        Assert.Multiple(() =>
        {
            Assert.That(row["variant"]!.GetValue<string>(), Is.EqualTo("baseline"));
            Assert.That(row["vote_id"]!.GetValue<string>(), Is.EqualTo("v"));
            Assert.That(row["given"]!["GBR"]!.GetValue<string>(), Is.EqualTo("no"));
            Assert.That(trials, Is.EqualTo(3000));
            Assert.That(draws, Is.GreaterThan(trials));
            Assert.That(row["acceptance_rate"]!.GetValue<double>(), Is.EqualTo((double)trials / draws).Within(1e-12));
            Assert.That(row["effective_sample_size"]!.GetValue<long>(), Is.EqualTo(trials));
            Assert.That(json["given"]!.GetValue<string>(), Does.StartWith("baseline/v: GBR no (3000 trials from "));
        });

        await using (var reader = await ParquetReader.CreateAsync(Path.Combine(folder.Path, "single", "trials", "shard=0", "part-0.parquet")))
        {
            Assert.That(reader.CustomMetadata["stemsim.given"], Is.EqualTo("baseline/v: GBR no"), "the trials file is written before the draws are known");
        }

        await using (var reader = await ParquetReader.CreateAsync(Path.Combine(folder.Path, "single", "summary.parquet")))
        {
            Assert.That(reader.CustomMetadata["stemsim.given"], Does.Contain($"from {draws} draws"));
        }

        for (int k = 0; k < 2; k++)
        {
            var shard = CliProcess.Run(folder.Path, "run", "given.yaml", "--shard-index", $"{k}", "--shard-count", "2", "--out", $"shard-{k}", "--quiet");
            Assert.That(shard.ExitCode, Is.Zero, shard.StandardError);
        }

        var merge = CliProcess.Run(folder.Path, "merge", "shard-0", "shard-1", "--out", "merged");
        Assert.That(merge.ExitCode, Is.Zero, merge.StandardError);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        foreach (var (single, merged) in new[] { ("summary.parquet", "summary.parquet"), ("member_probabilities.parquet", "member_probabilities.parquet"), ("trials/*/*.parquet", "trials/*/*.parquet") })
        {
            command.CommandText = $"""
                SELECT count(*) FROM (
                  (SELECT * FROM read_parquet('{Path.Combine(folder.Path, "single", single)}', hive_partitioning = false) EXCEPT ALL SELECT * FROM read_parquet('{Path.Combine(folder.Path, "merged", merged)}', hive_partitioning = false))
                  UNION ALL
                  (SELECT * FROM read_parquet('{Path.Combine(folder.Path, "merged", merged)}', hive_partitioning = false) EXCEPT ALL SELECT * FROM read_parquet('{Path.Combine(folder.Path, "single", single)}', hive_partitioning = false)))
                """;
            Assert.That(command.ExecuteScalar(), Is.EqualTo(0L), single);
        }

        var statistics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "merged", "statistics.json")))!["votes"]!.AsArray();
        Assert.That(statistics[0]!["given_draws"]!.GetValue<long>(), Is.EqualTo(draws), "the merged draws are the single run's");
        Assert.That(statistics[1]!["given_draws"], Is.Null, "an unconditioned variant writes no draws");
    }

    [Test]
    public void Nearly_impossible_announcements_are_an_input_error_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "given.yaml"), Yaml.Replace("given: { GBR: no }", "given: { USA: yes }", StringComparison.Ordinal));
        var run = CliProcess.Run(folder.Path, "run", "given.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("error: the announced votes ('given') on 'v'").And.Contain("nearly impossible"));
        Assert.That(run.StandardError, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "out")), Is.False);
    }

    [Test]
    public void An_unconditioned_runs_json_has_no_trace_of_conditioning()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "given.yaml"), Yaml.Replace("    given: { GBR: no }\n", string.Empty, StringComparison.Ordinal));
        var run = CliProcess.Run(folder.Path, "run", "given.yaml", "--out", "out", "--json", "--quiet");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var json = JsonNode.Parse(run.StandardOutput)!.AsObject();
        Assert.That(json.ContainsKey("conditioned") || json.ContainsKey("given"), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(folder.Path, "out", "statistics.json")), Does.Not.Contain("\"given"), "no given or given_draws keys");
    }
}
