using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Elections;

/// <summary>Runs the real CLI on the election scenarios and reads the election tables back with DuckDB.</summary>
public sealed class ElectionRunEndToEndTests
{
    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    [Test]
    public void Human_rights_council_run_writes_election_tables_that_agree_with_each_other()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "hrc-weog-2026.yaml");

        var run = CliProcess.Run(folder.Path, "run", scenario, "--trials", "2000", "--out", "hrc");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("P(elected)").And.Contain("NLD"));
        string output = Path.Combine(folder.Path, "hrc");
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { ".stemsim-output.json", "election_ballots.parquet", "election_rounds.parquet", "election_summary.parquet", "scenario.yaml", "statistics.json" }),
            "a scenario of elections only writes no vote tables (statistics.json holds the elections' counts, for merge)");
        Assert.That(Directory.GetFiles(Path.Combine(output, "elections"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)),
            Is.EqualTo(new[] { Path.Combine("elections", "shard=0", "part-0.parquet") }), "the per-trial table is a folder of parts, as a shard's, like trials/");
        string trials = Path.Combine(output, "elections", "**", "*.parquet");

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*), count(DISTINCT trial), count(DISTINCT variant), min(rounds), bool_or(capped),
                   bool_and(unfilled_seats = 2 - (CASE WHEN elected IS NULL THEN 0 ELSE length(elected) - length(replace(elected, '+', '')) + 1 END)),
                   min(year), max(year)
            FROM read_parquet('{trials}')
            """;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            Assert.That(rows.GetInt64(0), Is.EqualTo(3 * 2000), "one row per variant, seat group and trial");
            Assert.That(rows.GetInt64(1), Is.EqualTo(2000));
            Assert.That(rows.GetInt64(2), Is.EqualTo(3));
            Assert.That(rows.GetInt32(3), Is.GreaterThanOrEqualTo(1));
            Assert.That(rows.GetBoolean(4), Is.False, "no trial reaches the round cap");
            Assert.That(rows.GetBoolean(5), Is.True, "elected and unfilled seats add up to the two seats");
            Assert.That(rows.GetInt32(6), Is.EqualTo(2026));
        }

        // P(elected) in the summary is the share of trials whose elected list names the candidate.
        command.CommandText = $"""
            SELECT s.variant, s.candidate, s.p_elected, avg((list_contains(string_split(coalesce(t.elected, ''), '+'), s.candidate))::INTEGER)
            FROM read_parquet('{Path.Combine(output, "election_summary.parquet")}') s
            JOIN read_parquet('{trials}') t ON t.variant = s.variant AND t.election_id = s.election_id AND t.seat_group = s.seat_group
            GROUP BY s.variant, s.candidate, s.p_elected ORDER BY s.variant, s.candidate
            """;
        int checkedRows = 0;
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                Assert.That(rows.GetDouble(2), Is.EqualTo(rows.GetDouble(3)).Within(1e-12), $"{rows.GetString(0)} {rows.GetString(1)}");
                checkedRows++;
            }
        }

        Assert.That(checkedRows, Is.EqualTo(9));

        // The distribution of the number of ballots sums to one; the first ballot is always held.
        command.CommandText = $"""
            SELECT variant, candidate, sum(p_last), max(CASE WHEN ballot = 1 THEN p_held END), min(vote_share), max(vote_share)
            FROM read_parquet('{Path.Combine(output, "election_rounds.parquet")}') GROUP BY variant, candidate
            """;
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                Assert.That(rows.GetDouble(2), Is.EqualTo(1).Within(1e-9));
                Assert.That(rows.GetDouble(3), Is.EqualTo(1));
                Assert.That(rows.GetDouble(4), Is.GreaterThanOrEqualTo(0));
                Assert.That(rows.GetDouble(5), Is.LessThanOrEqualTo(1));
            }
        }

        // Each member's likely first ballot: a valid ballot names one or two candidates (two seats), so the names'
        // probabilities lie between P(valid) and 2 P(valid), where P(valid) = 1 - P(abstain, invalid or absent).
        string ballots = Path.Combine(output, "election_ballots.parquet");
        command.CommandText = $"""
            SELECT count(*), count(DISTINCT member), min(p), max(p) FROM read_parquet('{ballots}')
            """;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            Assert.That(rows.GetInt64(0), Is.EqualTo(3 * 193 * 6), "per variant and member: three candidates, abstain, invalid, absent");
            Assert.That(rows.GetInt64(1), Is.EqualTo(193));
            Assert.That(rows.GetDouble(2), Is.GreaterThanOrEqualTo(0));
            Assert.That(rows.GetDouble(3), Is.LessThanOrEqualTo(1));
        }

        command.CommandText = $"""
            SELECT bool_and(named >= 1 - other - 1e-9 AND named <= 2 * (1 - other) + 1e-9) FROM (
              SELECT variant, member,
                     sum(CASE WHEN choice IN ('abstain', 'invalid', 'absent') THEN p ELSE 0 END) AS other,
                     sum(CASE WHEN choice IN ('abstain', 'invalid', 'absent') THEN 0 ELSE p END) AS named
              FROM read_parquet('{ballots}') GROUP BY variant, member)
            """;
        Assert.That(command.ExecuteScalar(), Is.True);

        command.CommandText = $"""
            SELECT p FROM read_parquet('{Path.Combine(output, "election_ballots.parquet")}')
            WHERE variant = 'baseline' AND member = 'NLD' AND choice = 'NLD'
            """;
        Assert.That(command.ExecuteScalar(), Is.EqualTo(1.0).Within(0.01), "a candidate votes for itself whenever it is present");

        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{trials}') WHERE decode(key) = 'stemsim.election_round_caps'";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("hrc-2026/WEOG=200"));
    }

    [Test]
    public void Election_tables_are_identical_whatever_the_thread_count()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "sc-grulac-2006-replay.yaml");

        var one = CliProcess.Run(folder.Path, "run", scenario, "--trials", "600", "--threads", "1", "--out", "one");
        var two = CliProcess.Run(folder.Path, "run", scenario, "--trials", "600", "--threads", "2", "--out", "two");

        Assert.That(one.ExitCode, Is.Zero, one.StandardError);
        Assert.That(two.ExitCode, Is.Zero, two.StandardError);
        using var connection = Open();
        using var command = connection.CreateCommand();
        foreach (var table in new[] { "elections", "election_summary", "election_rounds", "election_ballots" })
        {
            string a = Path.Combine(folder.Path, "one", table == "elections" ? Path.Combine(table, "**", "*.parquet") : table + ".parquet");
            string b = Path.Combine(folder.Path, "two", table == "elections" ? Path.Combine(table, "**", "*.parquet") : table + ".parquet");
            command.CommandText = $"""
                SELECT count(*) FROM (
                  (SELECT * FROM read_parquet('{a}') EXCEPT ALL SELECT * FROM read_parquet('{b}'))
                  UNION ALL
                  (SELECT * FROM read_parquet('{b}') EXCEPT ALL SELECT * FROM read_parquet('{a}')))
                """;
            Assert.That(command.ExecuteScalar(), Is.EqualTo(0L), table);
        }

        command.CommandText = $"SELECT count(*), max(rounds) FROM read_parquet('{Path.Combine(folder.Path, "one", "elections", "shard=0", "part-0.parquet")}')";
        using var rows = command.ExecuteReader();
        Assert.That(rows.Read(), Is.True);
        Assert.That(rows.GetInt64(0), Is.EqualTo(3 * 600));
        Assert.That(rows.GetInt32(1), Is.GreaterThan(1), "the replay has deadlocked trials");
    }
}
