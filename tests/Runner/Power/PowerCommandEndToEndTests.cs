using System.Globalization;
using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Power;

/// <summary>Runs the real <c>stemsim power</c> and reads power.parquet back with DuckDB.</summary>
public sealed class PowerCommandEndToEndTests
{
    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    [Test]
    public void Current_council_table_holds_the_fixtures_and_provenance()
    {
        using var folder = new TemporaryFolder();

        var run = CliProcess.Run(folder.Path, "power", "--council", "current", "--out", "out");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("current").And.Contain("0.196270").And.Contain("0.001865"));
        Assert.That(Directory.GetFileSystemEntries(folder.File("out")).Select(Path.GetFileName), Is.EqualTo(new[] { "power.parquet" }), "no temporary file is left");
        string file = Path.Combine(folder.Path, "out", "power.parquet");
        using var connection = Open();
        using var command = connection.CreateCommand();

        command.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{file}'))";
        var columns = new List<string>();
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                columns.Add($"{rows.GetString(0)} {rows.GetString(1)}");
            }
        }

        Assert.That(columns, Is.EqualTo(new[]
        {
            "council VARCHAR", "member VARCHAR", "member_type VARCHAR", "veto BOOLEAN", "shapley_shubik DOUBLE", "banzhaf_raw DOUBLE", "banzhaf_normalized DOUBLE",
        }));

        command.CommandText = $"""
            SELECT member_type, bool_and(veto), count(*), min(shapley_shubik), max(shapley_shubik), min(banzhaf_normalized), max(banzhaf_normalized), min(banzhaf_raw)
            FROM read_parquet('{file}') GROUP BY member_type ORDER BY member_type
            """;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            Assert.That(rows.GetString(0), Is.EqualTo("elected"));
            Assert.That(rows.GetBoolean(1), Is.False);
            Assert.That(rows.GetInt64(2), Is.EqualTo(10));
            Assert.That(Math.Round(rows.GetDouble(3), 6), Is.EqualTo(0.001865));
            Assert.That(rows.GetDouble(4), Is.EqualTo(rows.GetDouble(3)), "elected members are symmetric");
            Assert.That(Math.Round(rows.GetDouble(5), 6), Is.EqualTo(0.016535));
            Assert.That(rows.GetDouble(7), Is.EqualTo(84.0 / 16384).Within(1e-15));
            Assert.That(rows.Read(), Is.True);
            Assert.That(rows.GetString(0), Is.EqualTo("permanent"));
            Assert.That(rows.GetBoolean(1), Is.True);
            Assert.That(rows.GetInt64(2), Is.EqualTo(5));
            Assert.That(Math.Round(rows.GetDouble(3), 5), Is.EqualTo(0.19627));
            Assert.That(Math.Round(rows.GetDouble(5), 5), Is.EqualTo(0.16693));
            Assert.That(rows.Read(), Is.False);
        }

        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 'stemsim.council_rules'";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("current: all 5 veto holders and 9 of 15 votes"));
        command.CommandText = $"SELECT count(*) FROM parquet_kv_metadata('{file}') WHERE decode(key) IN ('stemsim.engine_version', 'stemsim.git_commit', 'stemsim.created_utc', 'stemsim.method')";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(4L));
    }

    [Test]
    public void All_built_in_models_go_into_one_table_whose_indices_sum_to_one_per_council()
    {
        using var folder = new TemporaryFolder();

        var run = CliProcess.Run(folder.Path, "power", "--out", "all");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT council, count(*), sum(shapley_shubik), sum(banzhaf_normalized), count(DISTINCT member)
            FROM read_parquet('{Path.Combine(folder.Path, "all", "power.parquet")}', file_row_number = true) GROUP BY council ORDER BY min(file_row_number)
            """;
        var councils = new List<string>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            councils.Add(string.Create(CultureInfo.InvariantCulture, $"{rows.GetString(0)}:{rows.GetInt64(1)}"));
            Assert.That(rows.GetDouble(2), Is.EqualTo(1.0).Within(1e-12), rows.GetString(0));
            Assert.That(rows.GetDouble(3), Is.EqualTo(1.0).Within(1e-12), rows.GetString(0));
            Assert.That(rows.GetInt64(4), Is.EqualTo(rows.GetInt64(1)), "member labels are unique within a council");
        }

        Assert.That(councils, Is.EqualTo(new[] { "current:15", "g4:25", "au-ezulwini:26", "ufc:25", "veto-two-to-block:15", "veto-restraint:15" }));
    }

    [Test]
    public void Council_file_and_built_in_model_of_the_same_rule_agree()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("two.yaml"), """
            council: my-two-to-block
            quota: 9
            veto_blocking: 2
            seats:
              - { type: permanent, veto: true, members: [CHN, FRA, GBR, RUS, USA] }
              - { type: elected, count: 10 }
            """);

        var run = CliProcess.Run(folder.Path, "power", "--council", "two.yaml", "--council", "veto-two-to-block", "--out", "out");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(DISTINCT council), count(DISTINCT (member_type, veto, round(shapley_shubik, 14), round(banzhaf_raw, 14), round(banzhaf_normalized, 14)))
            FROM read_parquet('{Path.Combine(folder.Path, "out", "power.parquet")}')
            """;
        using var rows = command.ExecuteReader();
        Assert.That(rows.Read(), Is.True);
        Assert.That(rows.GetInt64(0), Is.EqualTo(2));
        Assert.That(rows.GetInt64(1), Is.EqualTo(2), "one permanent and one elected value, shared by both councils");
    }

    [Test]
    public void Existing_table_is_kept_unless_forced()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("out"));
        File.WriteAllText(Path.Combine(folder.File("out"), "power.parquet"), "earlier");

        var refused = CliProcess.Run(folder.Path, "power", "--council", "g4", "--out", "out");
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.StandardError, Does.Contain("already exists; pass --force"));
        Assert.That(File.ReadAllText(Path.Combine(folder.File("out"), "power.parquet")), Is.EqualTo("earlier"));

        var forced = CliProcess.Run(folder.Path, "power", "--council", "g4", "--out", "out", "--force", "--quiet");
        Assert.That(forced.ExitCode, Is.Zero, forced.StandardError);
        Assert.That(forced.StandardOutput, Is.Empty);
        Assert.That(new FileInfo(Path.Combine(folder.File("out"), "power.parquet")).Length, Is.GreaterThan(100));
    }
}
