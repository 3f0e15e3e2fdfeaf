using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Backtesting;

/// <summary>The real <c>stemsim backtest</c> on a small real subset of the shared data.</summary>
public sealed class BacktestCommandTests
{
    [Test]
    public async Task Backtest_writes_the_scores_of_every_protocol_and_model()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "backtest", "--data", Fixtures.UnSmall, "--train-until", "2018", "--test-from", "2019", "--test-to", "2019", "--trials", "200", "--out", folder.File("bt"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        var rows = await ReadRows(Path.Combine(folder.File("bt"), "backtest.parquet"));
        var overall = rows.Where(r => r.Year is null).ToArray();
        foreach (var (protocol, model) in new[] { ("recurring", "stemsim"), ("recurring", "always_yes"), ("recurring", "persistence"), ("new", "stemsim"), ("new", "always_yes"), ("new", "bloc_majority"), ("new", "bsv_1d") })
        {
            foreach (var metric in new[] { "accuracy", "f1_yes", "f1_abstain", "f1_no", "macro_f1", "log_loss", "brier", "ece", "apre", "coverage80", "coverage95", "adoption_brier" })
            {
                Assert.That(overall.Count(r => r.Protocol == protocol && r.Model == model && r.Metric == metric), Is.EqualTo(1), $"{protocol} {model} {metric}");
            }
        }

        Assert.That(rows.Where(r => r.Year == 2019 && r.Metric == "accuracy"), Is.Not.Empty, "per test year");
        Assert.That(rows.Any(r => r.Protocol == "positions" && r.Metric == "bsv_correlation"), Is.True);

        // The decision weights of stemsim's hard classes per test year, fitted on earlier years only.
        foreach (var protocol in new[] { "recurring", "new" })
        {
            foreach (var metric in new[] { "decision_weight_no_", "decision_weight_abstain_", "decision_fit_votes_" })
            {
                Assert.That(rows.Count(r => r.Protocol == "parameters" && r.Model == "stemsim" && r.Year == 2019 && r.Metric == metric + protocol), Is.EqualTo(1), metric + protocol);
            }
        }

        Assert.That(rows.Where(r => r.Protocol == "parameters" && r.Metric.StartsWith("decision_weight_", StringComparison.Ordinal)).Select(r => r.Value), Is.All.GreaterThan(0));
        Assert.That(result.StandardOutput, Does.Contain("bloc_majority"));

        // The Markdown summary docs/calibration.md quotes: one row per protocol and model, same figures as the Parquet file.
        var markdown = await File.ReadAllTextAsync(Path.Combine(folder.File("bt"), "backtest.md"));
        double accuracy = overall.Single(r => r.Protocol == "new" && r.Model == "bsv_1d" && r.Metric == "accuracy").Value;
        Assert.That(markdown, Does.Contain($"| new | bsv_1d | {accuracy.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)} |"));
    }

    [Test]
    public async Task Always_yes_scores_the_share_of_yes_votes()
    {
        // Independent truth from the fixture's own CSV: in the 'new' protocol always-yes is right exactly on the yes
        // votes among the scored 80%, so its accuracy is close to the share of yes among all 2019 (session 74) votes.
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "backtest", "--data", Fixtures.UnSmall, "--train-until", "2018", "--test-from", "2019", "--test-to", "2019", "--trials", "200", "--protocols", "new", "--out", folder.File("bt"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);

        var session74 = File.ReadLines(Path.Combine(Fixtures.UnSmall, "unvotes_dgrtwo", "un_roll_calls.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[1] == "74").Select(f => f[0].Trim('"')).ToHashSet();
        var votes = File.ReadLines(Path.Combine(Fixtures.UnSmall, "unvotes_dgrtwo", "un_votes.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => session74.Contains(f[0].Trim('"'))).Select(f => f[^1].Trim('"')).ToArray();
        double yesShare = votes.Count(v => v == "yes") / (double)votes.Length;

        var rows = await ReadRows(Path.Combine(folder.File("bt"), "backtest.parquet"));
        double accuracy = rows.Single(r => r.Protocol == "new" && r.Model == "always_yes" && r.Metric == "accuracy" && r.Year is null).Value;
        double apre = rows.Single(r => r.Protocol == "new" && r.Model == "always_yes" && r.Metric == "apre" && r.Year is null).Value;
        Assert.That(accuracy, Is.EqualTo(yesShare).Within(0.03));
        Assert.That(apre, Is.EqualTo(0).Within(1e-12), "always-yes makes exactly always-yes's errors");
    }

    [Test]
    public async Task The_scores_do_not_depend_on_the_thread_count()
    {
        // Two threads fit the training years to 2019 while 2019 is scored; one thread does one after the other.
        using var folder = new TemporaryFolder();
        string[] Arguments(string output, string threads) =>
            ["backtest", "--data", Fixtures.UnSmall, "--train-until", "2018", "--test-from", "2019", "--test-to", "2020", "--trials", "200", "--threads", threads, "--quiet", "--out", folder.File(output)];
        var one = CliProcess.Run(RepositoryPaths.Root, Arguments("one", "1"));
        var two = CliProcess.Run(RepositoryPaths.Root, Arguments("two", "2"));

        Assert.That(one.ExitCode, Is.EqualTo(0), one.StandardError);
        Assert.That(two.ExitCode, Is.EqualTo(0), two.StandardError);

        // Every row but the fits' wall times.
        var first = (await ReadRows(Path.Combine(folder.File("one"), "backtest.parquet"))).Where(r => r.Metric != "fit_seconds").ToArray();
        var second = (await ReadRows(Path.Combine(folder.File("two"), "backtest.parquet"))).Where(r => r.Metric != "fit_seconds").ToArray();
        Assert.That(first.Any(r => r.Year == 2019 && r.Metric == "accuracy") && first.Any(r => r.Year == 2020 && r.Metric == "accuracy"), Is.True, "both test years scored");
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Training_on_the_test_years_is_refused()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "backtest", "--data", Fixtures.UnSmall, "--train-until", "2019", "--test-from", "2019", "--test-to", "2019", "--out", folder.File("bt"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("must be before --test-from"));
        Assert.That(Directory.Exists(folder.File("bt")), Is.False);
    }

    [Test]
    public async Task The_analog_kinds_reveal_scores_the_others_three_ways_after_the_choosing_years()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "backtest", "--analog-kinds", "--reveal", "usa", "--data", Fixtures.UnSmall, "--train-until", "2017", "--test-from", "2018", "--test-to", "2019", "--choose-to", "2018", "--embedded-shocks", "--trials", "200", "--out", folder.File("bt"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        var rows = await ReadRows(Path.Combine(folder.File("bt"), "backtest.parquet"));
        var overall = rows.Where(r => r.Protocol == "reveal_usa_all" && r.Year is null).ToArray();
        foreach (var way in new[] { "given", "fixed", "unknown" })
        {
            foreach (var metric in new[] { "log_loss", "brier", "accuracy", "coverage90", "interval_score90", "roll_calls", "votes" })
            {
                Assert.That(overall.Count(r => r.Model == way && r.Metric == metric), Is.EqualTo(1), $"{way} {metric}");
            }
        }

        // Only the year after --choose-to is revealed on; fixed and unknown forecast the others identically.
        Assert.That(rows.Where(r => r.Protocol.StartsWith("reveal_", StringComparison.Ordinal) && r.Year is not null).Select(r => r.Year).Distinct(), Is.EqualTo(new int?[] { 2019 }));
        Assert.That(overall.Single(r => r.Model == "fixed" && r.Metric == "log_loss").Value, Is.EqualTo(overall.Single(r => r.Model == "unknown" && r.Metric == "log_loss").Value));
        Assert.That(overall.Single(r => r.Model == "given" && r.Metric == "roll_calls").Value, Is.GreaterThan(0));
        Assert.That(overall.Single(r => r.Model == "given" && r.Metric == "effective_sample_share").Value, Is.InRange(0.0, 1.0));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(folder.File("bt"), "analog_reveal.md")), Does.Contain("| USA | all | given |"));
    }

    [Test]
    public void The_analog_kinds_reveal_refuses_an_unknown_member()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "backtest", "--analog-kinds", "--reveal", "XYZ", "--data", Fixtures.UnSmall, "--train-until", "2017", "--test-from", "2018", "--test-to", "2019", "--choose-to", "2018", "--out", folder.File("bt"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("--reveal: unknown member 'XYZ'"));
        Assert.That(Directory.Exists(folder.File("bt")), Is.False);
    }

    /// <summary>Reads backtest.parquet with DuckDB (an independent reader) and checks its columns.</summary>
    private static Task<List<(string Protocol, string Model, string Metric, double Value, int? Year)>> ReadRows(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT protocol, model, metric, value, test_year FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, double, int?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetInt32(4)));
        }

        return Task.FromResult(rows);
    }
}
