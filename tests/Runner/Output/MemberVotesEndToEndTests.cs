using System.Globalization;
using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>
/// <c>stemsim run --member-votes</c>: every member's vote in every trial agrees with the run's own counts in
/// <c>trials/</c> (read with DuckDB), shards merge to the single run's table, its size is stated before writing, and a
/// run over the limit is refused with exit 2 and nothing written.
/// </summary>
[NonParallelizable]
public sealed class MemberVotesEndToEndTests
{
    [Test]
    public void Per_trial_and_vote_the_member_votes_count_what_trials_counts()
    {
        using var folder = new TemporaryFolder();
        // The veto chain has Council and Assembly votes, and follow-ups held only in some trials.
        var run = CliProcess.Run(folder.Path, "run", Path.Combine(RepositoryPaths.Scenarios, "sc-veto-chain-2026.yaml"), "--trials", "400", "--seed", "11", "--out", "run", "--member-votes");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Contain("member_votes/: up to "));

        using var connection = Open();
        string trials = Glob(folder, "run", "trials"), votes = Glob(folder, "run", "member_votes");
        Assert.That(Scalar(connection, $"SELECT count(*) FROM read_parquet('{trials}') WHERE held"), Is.GreaterThan(0L));
        Assert.That(Scalar(connection, $"SELECT count(*) FROM read_parquet('{trials}') WHERE NOT held"), Is.GreaterThan(0L), "some votes wait for an outcome: their trials have no member votes");
        Assert.That(Scalar(connection, $"SELECT count(DISTINCT vote) FROM read_parquet('{votes}')"), Is.EqualTo(4L), "yes, no, abstain and absent all occur");
        long mismatches = Scalar(connection, $"""
            WITH counted AS (
              SELECT variant, vote_id, trial,
                     count(*) FILTER (WHERE vote = 'yes') AS yes, count(*) FILTER (WHERE vote = 'no') AS no,
                     count(*) FILTER (WHERE vote = 'abstain') AS abstain, count(*) FILTER (WHERE vote = 'absent') AS absent
              FROM read_parquet('{votes}') GROUP BY ALL)
            SELECT count(*)
            FROM (SELECT * EXCLUDE (shard) FROM read_parquet('{trials}')) t
            FULL OUTER JOIN counted m USING (variant, vote_id, trial)
            WHERE t.trial IS NULL
               OR (t.held AND (m.yes IS DISTINCT FROM t.yes OR m.no IS DISTINCT FROM t.no OR m.abstain IS DISTINCT FROM t.abstain OR m.absent IS DISTINCT FROM t.absent))
               OR (NOT t.held AND m.yes IS NOT NULL)
            """);
        Assert.That(mismatches, Is.Zero, "per trial and vote, the rows of each kind are the trial's counts");
        long rows = Scalar(connection, $"SELECT count(*) FROM read_parquet('{votes}')");
        Assert.That(run.StandardError, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"up to {400 * Scalar(connection, $"SELECT sum(members)::BIGINT FROM '{Path.Combine(folder.Path, "run", "summary.parquet")}'"):N0} rows")));
        Assert.That(rows, Is.EqualTo(Scalar(connection, $"SELECT sum(s.members)::BIGINT FROM read_parquet('{trials}') t JOIN '{Path.Combine(folder.Path, "run", "summary.parquet")}' s USING (variant, vote_id) WHERE t.held")));
    }

    [Test]
    public void Shards_with_member_votes_merge_to_the_single_runs_and_a_mixed_set_is_refused()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");
        Run(folder, "run", scenario, "--trials", "301", "--out", "single", "--quiet", "--member-votes");
        for (int k = 0; k < 2; k++)
        {
            Run(folder, "run", scenario, "--trials", "301", "--shard-index", $"{k}", "--shard-count", "2", "--out", $"shard-{k}", "--quiet", "--member-votes");
        }

        Run(folder, "run", scenario, "--trials", "301", "--shard-index", "1", "--shard-count", "2", "--out", "plain-1", "--quiet");
        Run(folder, "merge", "shard-1", "shard-0", "--out", "merged", "--quiet");
        Assert.That(File.Exists(Path.Combine(folder.Path, "merged", "member_votes", "shard=1", "part-0.parquet")), Is.True);
        using var connection = Open();
        string single = Glob(folder, "single", "member_votes"), merged = Glob(folder, "merged", "member_votes");
        Assert.That(Scalar(connection, $"SELECT count(*) FROM read_parquet('{single}')"), Is.EqualTo(301L * 2 * 193), "two variants of one Assembly vote");
        Assert.That(Scalar(connection, $"""
            SELECT count(*) FROM (
              (SELECT * EXCLUDE (shard) FROM read_parquet('{single}') EXCEPT ALL SELECT * EXCLUDE (shard) FROM read_parquet('{merged}'))
              UNION ALL
              (SELECT * EXCLUDE (shard) FROM read_parquet('{merged}') EXCEPT ALL SELECT * EXCLUDE (shard) FROM read_parquet('{single}')))
            """), Is.Zero);

        var mixed = CliProcess.Run(folder.Path, "merge", "shard-0", "plain-1", "--out", "mixed");
        Assert.That(mixed.ExitCode, Is.EqualTo(2), mixed.StandardError);
        Assert.That(mixed.StandardError, Does.Contain("run every shard with --member-votes, or none"));
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "mixed")), Is.False);
    }

    [Test]
    public void A_run_over_the_limit_is_refused_naming_how_to_get_under_it()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");
        // 200,000 trials x 2 variants x 193 members = 77,200,000 rows, over the 50,000,000 of one run.
        var refused = CliProcess.Run(folder.Path, "run", scenario, "--trials", "200000", "--out", "big", "--member-votes");
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.StandardError);
        Assert.That(refused.StandardError, Does.Contain("--member-votes would write 77,200,000 rows (200,000 trials x 386 member votes a trial"));
        Assert.That(refused.StandardError, Does.Contain("at most 50,000,000 in one run or shard: ask at most 129,533 trials (--trials), or split the run into at least 2 shards"));
        Assert.That(refused.StandardError, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "big")), Is.False);

        var help = CliProcess.Run(folder.Path, "run", "--help");
        Assert.That(help.StandardOutput, Does.Contain("--member-votes"));
        Assert.That(help.StandardOutput, Does.Contain("50,000,000"));
    }

    private static string Glob(TemporaryFolder folder, string run, string table) => Path.Combine(folder.Path, run, table, "**", "*.parquet").Replace('\\', '/');

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Run(TemporaryFolder folder, params string[] arguments)
    {
        var result = CliProcess.Run(folder.Path, arguments);
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
    }
}
