using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Parquet;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>Runs the real CLI on scenarios and reads its Parquet output back with Parquet.Net and with DuckDB.</summary>
public sealed class RunCommandEndToEndTests
{
    private const int Trials = 20_000;

    /// <summary>
    /// Every member votes independently with fixed probabilities and there are no shocks, so the number of yes and
    /// no votes follows a Poisson-binomial law and P(adopted) is known exactly.
    /// </summary>
    private static (string Yaml, double[] Yes, double[] No) IndependentScenario()
    {
        var members = ReferenceCatalog.Embedded.VotingMembersOn(new DateOnly(2026, 3, 1));
        var yes = new double[members.Count];
        var no = new double[members.Count];
        var yaml = new StringBuilder("""
            # yaml-language-server: $schema=scenario.schema.json
            scenario: independent-votes
            as_of: 2026-03-01
            trials: 20000
            seed: 5
            votes:
              - id: ga-independent
                body: GA
                majority: simple
                estimator: sampled
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
              - id: ga-independent-exact
                body: GA
                majority: simple
                estimator: exact
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            members:

            """);
        for (int i = 0; i < members.Count; i++)
        {
            // Spread so the outcome is genuinely uncertain: about half the members lean yes, some lean no.
            yes[i] = Math.Round(0.30 + (0.25 * Math.Sin(i * 0.77)), 3);
            no[i] = Math.Round(0.25 + (0.15 * Math.Cos(i * 1.31)), 3);
            double abstain = Math.Round((1 - yes[i] - no[i]) * 0.7, 3);
            yaml.Append(CultureInfo.InvariantCulture, $"  {members[i].Code}: {{ p_yes: {yes[i]}, p_abstain: {abstain}, p_no: {no[i]} }}\n");
        }

        return (yaml.ToString(), yes, no);
    }

    /// <summary>P(yes &gt; no) by dynamic programming over the joint (yes, no) counts.</summary>
    private static double PoissonBinomialAdoption(double[] yes, double[] no)
    {
        int n = yes.Length;
        var joint = new double[n + 1, n + 1];
        joint[0, 0] = 1;
        for (int i = 0; i < n; i++)
        {
            for (int y = i; y >= 0; y--)
            {
                for (int k = i - y; k >= 0; k--)
                {
                    double p = joint[y, k];
                    joint[y, k] = p * (1 - yes[i] - no[i]);
                    joint[y + 1, k] += p * yes[i];
                    joint[y, k + 1] += p * no[i];
                }
            }
        }

        double adopted = 0;
        for (int y = 0; y <= n; y++)
        {
            for (int k = 0; k < y && k + y <= n; k++)
            {
                adopted += joint[y, k];
            }
        }

        return adopted;
    }

    [Test]
    public async Task Run_writes_parquet_that_agrees_with_the_exact_poisson_binomial_probability()
    {
        using var folder = new TemporaryFolder();
        var (yaml, yes, no) = IndependentScenario();
        File.WriteAllText(folder.File("independent.yaml"), yaml);

        var run = CliProcess.Run(folder.Path, "run", "independent.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("ga-independent"));
        string output = folder.File("out");
        Assert.That(Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { ".stemsim-output.json", "member_probabilities.parquet", "scenario.yaml", "statistics.json", "summary.parquet", "trials" }));
        Assert.That(Directory.GetFiles(Path.Combine(output, "trials"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)), Is.EqualTo(new[] { Path.Combine("trials", "shard=0", "part-0.parquet") }), "a single run is shard 0 of 1");
        Assert.That(Directory.GetDirectories(folder.Path), Has.Length.EqualTo(1), "no temporary folder is left behind");

        double exact = PoissonBinomialAdoption(yes, no);
        double standardError = Math.Sqrt(exact * (1 - exact) / Trials);
        Assert.That(exact, Is.InRange(0.05, 0.95), "the test scenario should have an uncertain outcome");

        // Parquet.Net: summary columns and values.
        await using (var reader = await ParquetReader.CreateAsync(Path.Combine(output, "summary.parquet")))
        {
            var fields = reader.Schema.GetDataFields();
            Assert.That(fields.Select(f => f.Name), Is.SupersetOf(new[] { "variant", "vote_id", "body", "trials", "p_adopted", "p_adopted_se", "yes_p05", "yes_p50", "yes_p95", "no_p50", "abstain_p50", "p_veto" }));
            using var group = reader.OpenRowGroupReader(0);
            Assert.That(group.RowCount, Is.EqualTo(2));
            var pAdopted = new double[2];
            await group.ReadAsync(fields.Single(f => f.Name == "p_adopted"), pAdopted.AsMemory());
            Assert.That(pAdopted[0], Is.EqualTo(exact).Within(4 * standardError), "sampled estimator");
            Assert.That(pAdopted[1], Is.EqualTo(exact).Within(1e-12), "exact estimator: no shocks, so every trial's conditional probability is the answer");
            Assert.That(reader.CustomMetadata["stemsim.seed"], Is.EqualTo("5"));
            Assert.That(reader.CustomMetadata["stemsim.trials"], Is.EqualTo("20000"));
            Assert.That(reader.CustomMetadata["stemsim.scenario_sha256"], Has.Length.EqualTo(64));
        }

        // DuckDB: an independent reader of the same files.
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*), count(DISTINCT trial), avg(adopted::INTEGER), min(yes + no + abstain + absent), max(yes + no + abstain + absent),
                   avg((yes > no)::INTEGER), count(p_adopted_exact), count(vetoed_by)
            FROM read_parquet('{Path.Combine(output, "trials", "shard=0", "part-0.parquet")}') WHERE vote_id = 'ga-independent'
            """;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            Assert.That(rows.GetInt64(0), Is.EqualTo(Trials));
            Assert.That(rows.GetInt64(1), Is.EqualTo(Trials));
            Assert.That(rows.GetDouble(2), Is.EqualTo(exact).Within(4 * standardError));
            Assert.That(rows.GetInt32(3), Is.EqualTo(193));
            Assert.That(rows.GetInt32(4), Is.EqualTo(193));
            Assert.That(rows.GetDouble(5), Is.EqualTo(rows.GetDouble(2)), "adopted means yes > no");
            Assert.That(rows.GetInt64(6), Is.Zero, "the sampled estimator computes no exact probabilities");
            Assert.That(rows.GetInt64(7), Is.Zero, "the Assembly has no veto");
        }

        command.CommandText = $"""
            SELECT count(*), sum(p_yes + p_abstain + p_no + p_absent) / count(*), count(DISTINCT member)
            FROM read_parquet('{Path.Combine(output, "member_probabilities.parquet")}') WHERE vote_id = 'ga-independent'
            """;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            Assert.That(rows.GetInt64(0), Is.EqualTo(193));
            Assert.That(rows.GetDouble(1), Is.EqualTo(1).Within(1e-9));
            Assert.That(rows.GetInt64(2), Is.EqualTo(193));
        }

        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{Path.Combine(output, "trials", "shard=0", "part-0.parquet")}') WHERE decode(key) = 'stemsim.scenario'";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("independent-votes"));
    }

    [Test]
    public void Council_scenario_records_vetoes_readable_by_duckdb()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "sc-ceasefire-draft-2026.yaml");

        var run = CliProcess.Run(folder.Path, "run", scenario, "--trials", "5000", "--out", "sc");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT variant, count(*), avg((vetoed_by IS NOT NULL)::INTEGER), bool_and(veto_decisive = (vetoed_by IS NOT NULL AND yes >= 9)),
                   min(p_adopted_exact), max(p_adopted_exact), bool_and(NOT (adopted AND vetoed_by IS NOT NULL))
            FROM read_parquet('{Path.Combine(folder.Path, "sc", "trials", "shard=0", "part-0.parquet")}')
            GROUP BY variant ORDER BY variant
            """;
        using var rows = command.ExecuteReader();
        var seen = new List<string>();
        while (rows.Read())
        {
            seen.Add(rows.GetString(0));
            Assert.That(rows.GetInt64(1), Is.EqualTo(5000));
            Assert.That(rows.GetBoolean(3), Is.True, "veto_decisive means vetoed with nine or more yes");
            Assert.That(rows.GetDouble(4), Is.GreaterThanOrEqualTo(0));
            Assert.That(rows.GetDouble(5), Is.LessThanOrEqualTo(1));
            Assert.That(rows.GetBoolean(6), Is.True, "a vetoed draft is never adopted");
            if (rows.GetString(0) == "procedural-vote")
            {
                Assert.That(rows.GetDouble(2), Is.Zero, "a procedural vote is never vetoed");
            }
            else
            {
                Assert.That(rows.GetDouble(2), Is.GreaterThan(0.05), "the draft is vetoed in some trials");
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { "baseline", "procedural-vote", "record-model", "softened-text" }));
    }

    [Test]
    public void Same_seed_gives_identical_tables_whatever_the_thread_count()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");

        var one = CliProcess.Run(folder.Path, "run", scenario, "--trials", "3000", "--threads", "1", "--out", "one");
        var two = CliProcess.Run(folder.Path, "run", scenario, "--trials", "3000", "--threads", "2", "--out", "two");

        Assert.That(one.ExitCode, Is.Zero, one.StandardError);
        Assert.That(two.ExitCode, Is.Zero, two.StandardError);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        foreach (var table in new[] { "trials/shard=0/part-0", "summary", "member_probabilities" })
        {
            command.CommandText = $"""
                SELECT count(*) FROM (
                  (SELECT * FROM read_parquet('{Path.Combine(folder.Path, "one", table + ".parquet")}') EXCEPT ALL
                   SELECT * FROM read_parquet('{Path.Combine(folder.Path, "two", table + ".parquet")}'))
                  UNION ALL
                  (SELECT * FROM read_parquet('{Path.Combine(folder.Path, "two", table + ".parquet")}') EXCEPT ALL
                   SELECT * FROM read_parquet('{Path.Combine(folder.Path, "one", table + ".parquet")}')))
                """;
            Assert.That(command.ExecuteScalar(), Is.EqualTo(0L), table);
        }
    }
}
