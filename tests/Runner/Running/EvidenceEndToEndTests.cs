using System.Globalization;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>
/// A scenario with evidence through the CLI: a table calibrated on the small real fixture up to 2019, a 2020 roll call
/// of the Library's own layout (version 3, from tests/Fixtures/undl_official) as evidence, and a 2021 vote that names
/// it in <c>like</c>. DuckDB reads the outputs: the provenance names the evidence file with its SHA-256, and the
/// evidence moved the forecast.
/// </summary>
public sealed class EvidenceEndToEndTests
{
    private static string Scenario(string evidence, string like) => $$"""
        scenario: evidence-run
        as_of: 2021-03-01
        calibration: cal.csv.gz
        trials: 2000
        seed: 7
        {{evidence}}
        votes:
          - id: repeat
            body: GA
            date: 2021-03-20
            like: { vote: {{like}}, kind: repeat }

        """;

    [Test]
    public void A_run_with_evidence_records_the_file_and_its_hash_and_the_evidence_changes_the_forecast()
    {
        using var folder = new TemporaryFolder();
        var calibrate = CliProcess.Run(folder.Path, "calibrate", "--data", Fixtures.UnSmall, "--until", "2019", "--out", folder.File("cal.csv.gz"), "--quiet");
        Assert.That(calibrate.ExitCode, Is.Zero, calibrate.StandardError);
        File.Copy(Path.Combine(Fixtures.UndlOfficial, "ga_v3_long.csv"), folder.File("library.csv"));
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder.File("library.csv"))));
        File.WriteAllText(folder.File("with.yaml"), Scenario("evidence:\n  - file: library.csv\n    roll_calls: { A/RES/75/24: { issues: [] } }", "A/RES/75/24"));
        File.WriteAllText(folder.File("validate-late.yaml"), Scenario("evidence:\n  - file: library.csv\n    roll_calls: { A/RES/75/24: { issues: [] } }", "A/RES/75/24").Replace("2021-03-20", "2020-11-01", StringComparison.Ordinal).Replace("as_of: 2021-03-01", "as_of: 2020-10-01", StringComparison.Ordinal));

        var with = CliProcess.Run(folder.Path, "run", "with.yaml", "--out", folder.File("with"));
        var late = CliProcess.Run(folder.Path, "validate", "validate-late.yaml");

        Assert.That(with.ExitCode, Is.Zero, with.StandardError);
        Assert.That(late.ExitCode, Is.EqualTo(2));
        Assert.That(late.StandardOutput + late.StandardError, Does.Contain("validate-late.yaml:8:").And.Contain("evidence A/RES/75/24 of 2020-12-02 is dated after vote 'repeat' (2020-11-01)"));
        Assert.That(late.StandardOutput + late.StandardError, Does.Not.Contain("   at "), "no stack trace");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        string trials = Path.Combine(folder.Path, "with", "trials", "shard=0", "part-0.parquet");
        command.CommandText = $"SELECT count(*) FROM read_parquet('{trials}')";
        Assert.That(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture), Is.EqualTo(2000));
        foreach (var table in new[] { "trials/shard=0/part-0.parquet", "summary.parquet", "member_probabilities.parquet" })
        {
            command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{Path.Combine(folder.Path, "with", table)}') WHERE decode(key) = 'stemsim.evidence'";
            Assert.That(command.ExecuteScalar(), Is.EqualTo($"{folder.File("library.csv")} (sha256 {sha}; A/RES/75/24)"), table);
        }

        // The forecast of the repeat follows the evidence (its fitted beta and cut-points and the positions updated from
        // it): the nine members who voted no on A/RES/75/24 are far likelier to vote no than the others.
        string noVoters = "'AUS', 'BRA', 'CAN', 'ISR', 'MHL', 'FSM', 'PLW', 'GBR', 'USA'";
        command.CommandText = $"""
            SELECT avg(p_no / (1 - p_absent)) FILTER (WHERE member IN ({noVoters})),
                   avg(p_no / (1 - p_absent)) FILTER (WHERE member NOT IN ({noVoters}))
            FROM read_parquet('{Path.Combine(folder.Path, "with", "member_probabilities.parquet")}')
            """;
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        TestContext.Out.WriteLine($"P(no | present): no-voters {reader.GetDouble(0)}, the others {reader.GetDouble(1)}");
        Assert.That(reader.GetDouble(0), Is.GreaterThan(5 * reader.GetDouble(1)));
        Assert.That(reader.GetDouble(1), Is.LessThan(0.1));
    }
}
