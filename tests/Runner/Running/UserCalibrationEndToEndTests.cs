using System.Security.Cryptography;
using System.Text.Json;
using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>
/// A calibration the user made (<c>stemsim calibrate --out FILE</c> on the small real fixture) used by a run, named
/// in the scenario (<c>calibration: FILE</c>) or on the command line (<c>--calibration FILE</c>): the outputs read
/// back with DuckDB, the provenance names the table with its SHA-256, and <c>like:</c> resolves in that table.
/// </summary>
public sealed class UserCalibrationEndToEndTests
{
    private static string Scenario(string calibrationLine, string like) => $"""
        scenario: user-calibration
        as_of: 2026-03-01
        trials: 2000
        seed: 7
        {calibrationLine}
        votes:
          - id: golan
            title: The Syrian Golan
            body: GA
            date: 2026-03-20
            majority: simple
            like: {like}

        """;

    [Test]
    public void A_run_uses_a_users_table_named_in_the_scenario_or_on_the_command_line()
    {
        using var folder = new TemporaryFolder();
        var calibrate = CliProcess.Run(folder.Path, "calibrate", "--data", Fixtures.UnSmall, "--out", folder.File("cal.csv.gz"), "--quiet");
        Assert.That(calibrate.ExitCode, Is.Zero, calibrate.StandardError);
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder.File("cal.csv.gz"))));
        File.WriteAllText(folder.File("in-scenario.yaml"), Scenario("calibration: cal.csv.gz", "A/RES/75/24"));
        File.WriteAllText(folder.File("embedded.yaml"), Scenario(string.Empty, "A/RES/75/24"));

        var byScenario = CliProcess.Run(folder.Path, "run", "in-scenario.yaml", "--out", folder.File("by-scenario"), "--json");
        var byOption = CliProcess.Run(folder.Path, "run", "embedded.yaml", "--calibration", folder.File("cal.csv.gz"), "--out", folder.File("by-option"), "--json");
        var embedded = CliProcess.Run(folder.Path, "run", "embedded.yaml", "--out", folder.File("embedded"), "--json");

        Assert.That(byScenario.ExitCode, Is.Zero, byScenario.StandardError);
        Assert.That(byOption.ExitCode, Is.Zero, byOption.StandardError);
        Assert.That(embedded.ExitCode, Is.Zero, embedded.StandardError);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        foreach (var (run, origin) in new[] { ("by-scenario", "the scenario's 'calibration: FILE'"), ("by-option", "--calibration") })
        {
            string trials = Path.Combine(folder.Path, run, "trials", "shard=0", "part-0.parquet");
            command.CommandText = $"SELECT count(*) FROM read_parquet('{trials}')";
            Assert.That(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(2000));
            command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{trials}') WHERE decode(key) = 'stemsim.positions'";
            Assert.That(command.ExecuteScalar(), Is.EqualTo($"calibration table {folder.File("cal.csv.gz")} (sha256 {sha}; 2017-2020; named by {origin})"));
            command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{Path.Combine(folder.Path, run, "summary.parquet")}') WHERE decode(key) = 'stemsim.positions_sha256'";
            Assert.That(command.ExecuteScalar(), Is.EqualTo(sha));
        }

        // Positions of 2020 (the fixture's last year) for a vote on 20 March 2026: 1,905 days after 31 Dec 2020.
        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{Path.Combine(folder.Path, "by-option", "trials", "shard=0", "part-0.parquet")}') WHERE decode(key) = 'stemsim.positions_age'";
        Assert.That((string)command.ExecuteScalar()!, Does.StartWith("golan: positions as of 2020, 5.2 years before this vote; ranges widened accordingly (6 year(s) of drift at ")
            .And.EndWith("; warning: golan is 5.2 years past the calibration (2020) and no recorded vote since then informs its positions"));
        Assert.That(byOption.StandardError, Does.Contain("warning: golan is 5.2 years past the calibration (2020)"));
        var console = CliProcess.Run(folder.Path, "run", "embedded.yaml", "--out", folder.File("console"));
        Assert.That(console.StandardOutput, Does.Contain("golan: positions as of 2021, 4.2 years before this vote; ranges widened accordingly (5 year(s) of drift at"));
        using var json = JsonDocument.Parse(byOption.StandardOutput);
        Assert.That(json.RootElement.GetProperty("positions_sha256").GetString(), Is.EqualTo(sha));
        Assert.That(json.RootElement.GetProperty("positions_age").GetString(), Does.StartWith("golan: positions as of 2020, 5.2 years"));
        using var embeddedJson = JsonDocument.Parse(embedded.StandardOutput);
        Assert.That(embeddedJson.RootElement.TryGetProperty("positions_sha256", out _), Is.False);
        command.CommandText = $"""
            SELECT (SELECT p_adopted FROM read_parquet('{Path.Combine(folder.Path, "by-scenario", "summary.parquet")}')),
                   (SELECT p_adopted FROM read_parquet('{Path.Combine(folder.Path, "by-option", "summary.parquet")}')),
                   (SELECT yes_mean FROM read_parquet('{Path.Combine(folder.Path, "by-option", "summary.parquet")}')),
                   (SELECT yes_mean FROM read_parquet('{Path.Combine(folder.Path, "embedded", "summary.parquet")}'))
            """;
        using var rows = command.ExecuteReader();
        Assert.That(rows.Read(), Is.True);
        Assert.That(rows.GetDouble(1), Is.EqualTo(rows.GetDouble(0)), "the same table by either route gives the same run");
        Assert.That(rows.GetDouble(2), Is.Not.EqualTo(rows.GetDouble(3)), "the user's table, not the embedded one, set the positions");
    }

    [Test]
    public void Like_resolves_in_the_users_table_and_a_missing_table_is_an_error_at_the_key()
    {
        using var folder = new TemporaryFolder();
        var calibrate = CliProcess.Run(folder.Path, "calibrate", "--data", Fixtures.UnSmall, "--out", folder.File("cal.csv.gz"), "--quiet");
        Assert.That(calibrate.ExitCode, Is.Zero, calibrate.StandardError);
        // A/RES/68/262 (2014) is in the embedded calibration but not in the fixture's 2017-2020 table.
        File.WriteAllText(folder.File("old-analog.yaml"), Scenario("calibration: cal.csv.gz", "A/RES/68/262"));
        File.WriteAllText(folder.File("missing.yaml"), Scenario("calibration: nowhere.csv.gz", "A/RES/75/24"));

        var oldAnalog = CliProcess.Run(folder.Path, "validate", "old-analog.yaml");
        var missing = CliProcess.Run(folder.Path, "run", "missing.yaml", "--out", folder.File("out"));

        Assert.That(oldAnalog.ExitCode, Is.EqualTo(2));
        Assert.That(oldAnalog.StandardOutput + oldAnalog.StandardError, Does.Contain("A/RES/68/262"));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.StandardOutput + missing.StandardError, Does.Contain("missing.yaml:5:").And.Contain("nowhere.csv.gz"));
        Assert.That(Directory.Exists(folder.File("out")), Is.False, "nothing written");
    }
}
