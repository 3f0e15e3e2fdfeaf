using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>A multi-year scenario through the real CLI: drift.parquet and drift_adoption.parquet read back with DuckDB.</summary>
public sealed class DriftRunEndToEndTests
{
    private const string Scenario = """
        scenario: drift-outputs
        as_of: 2026-03-01
        trials: 2000
        seed: 3
        timeline:
          from: 2026
          to: 2030
          attraction:
            - { toward: ASSEMBLY, on: [ASSEMBLY], strength: 0.01 }
          events:
            - { year: 2028, join: { bloc: BRICS, member: MYS } }
        votes:
          - id: ga-2027
            body: GA
            date: 2027-10-15
            like: { vote: A/RES/68/262, kind: repeat }
          - id: ga-2030
            body: GA
            date: 2030-10-15
            like: { vote: A/RES/68/262, kind: repeat }
        """;

    [Test]
    public void Drift_tables_hold_positions_cohesion_agreement_and_the_adoption_fan()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("drift.yaml"), Scenario);
        var result = CliProcess.Run(RepositoryPaths.Root, "run", folder.File("drift.yaml"), "--out", folder.File("out"), "--threads", "2", "--quiet");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        string drift = Path.Combine(folder.File("out"), "drift.parquet").Replace("'", "''", StringComparison.Ordinal);
        string adoption = Path.Combine(folder.File("out"), "drift_adoption.parquet").Replace("'", "''", StringComparison.Ordinal);
        string summary = Path.Combine(folder.File("out"), "summary.parquet").Replace("'", "''", StringComparison.Ordinal);

        // Cohesion only in the years with votes, in (0, 1]; the EU holds together more than the NAM.
        var cohesion = Query(connection, $"SELECT year, name, cohesion, vote_trials FROM read_parquet('{drift}') WHERE kind = 'bloc' ORDER BY year, name");
        Assert.That(cohesion.Select(r => (int)r[0]).Distinct(), Is.EqualTo(new[] { 2027, 2030 }));
        Assert.That(cohesion.Select(r => (double)r[2]), Is.All.InRange(0.0, 1.0));
        double Cohesion(int year, string bloc) => (double)cohesion.Single(r => (int)r[0] == year && (string)r[1] == bloc)[2];
        Assert.That(Cohesion(2027, "EU"), Is.GreaterThan(Cohesion(2027, "NAM")));

        // Agreement with the EU majority: EU members far above Russia.
        var agreement = Query(connection, $"SELECT name, agreement_eu FROM read_parquet('{drift}') WHERE kind = 'member' AND year = 2027 AND agreement_eu IS NOT NULL");
        double Agreement(string code) => (double)agreement.Single(r => (string)r[0] == code)[1];
        Assert.That(Agreement("DEU"), Is.GreaterThan(0.9));
        Assert.That(Agreement("RUS"), Is.LessThan(Agreement("DEU") - 0.3));
        var quiet = Query(connection, $"SELECT count(*) FROM read_parquet('{drift}') WHERE kind = 'member' AND year = 2028 AND agreement_eu IS NOT NULL");
        Assert.That((long)quiet[0][0], Is.EqualTo(0), "no vote in 2028");

        // Position quantiles widen with the years.
        var spread = Query(connection, $"SELECT year, position_p95 - position_p05 FROM read_parquet('{drift}') WHERE kind = 'member' AND name = 'BRA' ORDER BY year");
        Assert.That((double)spread[^1][1], Is.GreaterThan((double)spread[0][1]));

        // The fan: one row per vote, ordered quantiles, P(adopted) as in summary.parquet.
        var fan = Query(connection, $"""
            SELECT a.vote_id, a.year, a.p_adopted, s.p_adopted, a.p_conditional_p05, a.p_conditional_p50, a.p_conditional_p95, a.trials_held
            FROM read_parquet('{adoption}') a JOIN read_parquet('{summary}') s ON a.variant = s.variant AND a.vote_id = s.vote_id ORDER BY a.year
            """);
        Assert.That(fan.Select(r => (string)r[0]), Is.EqualTo(new[] { "ga-2027", "ga-2030" }));
        foreach (var row in fan)
        {
            Assert.That((double)row[2], Is.EqualTo((double)row[3]));
            Assert.That((double)row[4], Is.LessThanOrEqualTo((double)row[5]));
            Assert.That((double)row[5], Is.LessThanOrEqualTo((double)row[6]));
            Assert.That((long)row[7], Is.EqualTo(2000));
        }
    }

    private static List<object[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
