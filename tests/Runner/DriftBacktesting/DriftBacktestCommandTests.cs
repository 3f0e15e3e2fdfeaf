using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.DriftBacktesting;

/// <summary>The real <c>stemsim drift-backtest</c> on the small real subset of the shared data (2017-2019).</summary>
public sealed class DriftBacktestCommandTests
{
    [Test]
    public void The_backtest_writes_scores_per_model_and_horizon()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "drift-backtest", "--data", Fixtures.UnSmall, "--from", "2018", "--to", "2019", "--fit-from", "2017", "--align-from", "2017",
            "--trials", "200", "--threads", "2", "--out", folder.File("dbt"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        var rows = ReadRows(Path.Combine(folder.File("dbt"), "drift_backtest.parquet"));
        foreach (var model in new[] { "random_walk", "random_walk_step", "scenario_baseline", "attraction_fitted" })
        {
            foreach (var metric in new[] { "coverage80", "coverage95", "point_coverage80", "mse", "log_score", "crps", "width80" })
            {
                var value = rows.Single(r => r.Model == model && r.Metric == metric && r.Horizon is null).Value;
                Assert.That(double.IsFinite(value), Is.True, $"{model} {metric}");
            }

            Assert.That(rows.Single(r => r.Model == model && r.Metric == "coverage80" && r.Horizon == 1).Value, Is.InRange(0, 1));
        }

        double c80 = rows.Single(r => r.Model == "random_walk" && r.Metric == "coverage80" && r.Horizon is null).Value;
        double c95 = rows.Single(r => r.Model == "random_walk" && r.Metric == "coverage95" && r.Horizon is null).Value;
        Assert.That(c95, Is.GreaterThanOrEqualTo(c80), "the 95% intervals hold the 80% ones");
        Assert.That(rows.Single(r => r.Model == "alignment" && r.Metric == "slope").Value, Is.GreaterThan(0), "same polarity: the United States is positive in both");
        Assert.That(result.StandardOutput, Does.Contain("random_walk"));
    }

    [Test]
    public void A_calibration_that_saw_later_years_is_refused()
    {
        using var folder = new TemporaryFolder();
        var calibrate = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--until", "2019", "--out", folder.File("cal.csv.gz"), "--quiet");
        Assert.That(calibrate.ExitCode, Is.EqualTo(0), calibrate.StandardError);

        var result = CliProcess.Run(RepositoryPaths.Root, "drift-backtest", "--calibration", folder.File("cal.csv.gz"), "--from", "2018", "--to", "2019", "--fit-from", "2017", "--align-from", "2017", "--out", folder.File("dbt"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("ends at --from 2018"));
        Assert.That(Directory.Exists(folder.File("dbt")), Is.False);
    }

    private static List<(string Model, int? Horizon, string Metric, double Value)> ReadRows(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT model, horizon, metric, value FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, int?, string, double)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetString(2), reader.GetDouble(3)));
        }

        return rows;
    }
}
