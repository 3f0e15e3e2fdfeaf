using System.Globalization;
using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Reporting;

/// <summary>
/// The real CLI on a multi-year scenario: the briefing has the drift section, its fan chart and P(adopted) by year are
/// PNGs of the declared size, and the tables of reference members and bloc cohesion say what drift.parquet holds, read back with DuckDB.
/// </summary>
public sealed class DriftReportEndToEndTests
{
    [Test]
    public void Multi_year_briefing_draws_the_fan_and_quotes_drift_parquet()
    {
        using var folder = new TemporaryFolder();
        string runFolder = folder.File("drift");
        var run = CliProcess.Run(RepositoryPaths.Root, "run", "scenarios/drift-brics-2026-2035.yaml", "--trials", "1000", "--out", runFolder, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);

        string md = folder.File("drift.md");
        var report = CliProcess.Run(RepositoryPaths.Root, "report", runFolder, "--out", md);
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        string text = File.ReadAllText(md);
        Assert.That(text, Does.Contain("## Drift over the years"));
        Assert.That(text, Does.Not.Contain("does not draw"));

        foreach (string chart in new[] { "drift-fan", "adoption-by-year" })
        {
            string png = folder.File($"drift-{chart}.png");
            Assert.That(text, Does.Contain($"]({Path.GetFileName(png)})"), chart);
            var (width, height) = PngImage.Dimensions(File.ReadAllBytes(png));
            Assert.That(width, Is.EqualTo(900), chart);
            Assert.That(height, Is.GreaterThan(300), chart);
        }

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT name, position_p50, position_p05, position_p95 FROM read_parquet('{Path.Combine(runFolder, "drift.parquet")}')
            WHERE kind = 'member' AND variant = 'baseline' AND year = 2035 AND name IN ('USA', 'CHN', 'IND', 'BRA', 'ZAF') ORDER BY name
            """;
        using var rows = command.ExecuteReader();
        int members = 0;
        while (rows.Read())
        {
            members++;
            string row = string.Create(CultureInfo.InvariantCulture,
                $"| {rows.GetString(0)} | ");
            string end = string.Create(CultureInfo.InvariantCulture,
                $" | {rows.GetDouble(1):0.00} | {rows.GetDouble(2):0.00} to {rows.GetDouble(3):0.00} |");
            Assert.That(text, Does.Contain(row).And.Contain(end), $"the 2035 median and 90% range of {rows.GetString(0)}");
        }

        Assert.That(members, Is.EqualTo(5), "the baseline tracks only the Assembly's centre, so the briefing follows five reference members");

        // The cohesion table quotes drift.parquet's bloc rows of the last year with votes.
        command.CommandText = $"""
            SELECT name, cohesion FROM read_parquet('{Path.Combine(runFolder, "drift.parquet")}')
            WHERE kind = 'bloc' AND variant = 'baseline' AND name IN ('EU', 'BRICS') AND cohesion IS NOT NULL
            AND year = (SELECT max(year) FROM read_parquet('{Path.Combine(runFolder, "drift.parquet")}') WHERE kind = 'bloc' AND cohesion IS NOT NULL)
            ORDER BY name
            """;
        using var blocs = command.ExecuteReader();
        int quoted = 0;
        while (blocs.Read())
        {
            quoted++;
            string cohesion = string.Create(CultureInfo.InvariantCulture, $"{blocs.GetDouble(1):0.00} |");
            Assert.That(text, Does.Match($@"\| {blocs.GetString(0)} \| [0-9.]+ \| {System.Text.RegularExpressions.Regex.Escape(cohesion)}"), $"the cohesion of {blocs.GetString(0)}");
        }

        Assert.That(quoted, Is.EqualTo(2), "BRICS and the EU vote in the scenario");
    }
}
