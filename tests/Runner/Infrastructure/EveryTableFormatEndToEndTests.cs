using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>
/// <c>--format csv|json</c> of <c>power</c>, <c>lobby</c>, <c>veto-record</c> and <c>run</c>, through the real tool:
/// standard output holds the rows and nothing else, and the numbers are the ones the files say (read with DuckDB) or
/// that hold by arithmetic (indices that sum to one, gains that add up).
/// </summary>
public sealed class EveryTableFormatEndToEndTests
{
    [Test]
    public void Power_as_CSV_and_JSON_gives_each_seat_class_with_full_precision()
    {
        using var folder = new TemporaryFolder();

        var csv = CliProcess.Run(folder.Path, "power", "--council", "current", "--out", "out", "--format", "csv");

        Assert.That(csv.ExitCode, Is.Zero, csv.StandardError);
        var lines = csv.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo("council,rule,seat_type,seats,veto,shapley_shubik,class_total,banzhaf_raw,banzhaf_normalized"));
        Assert.That(lines, Has.Length.EqualTo(3), "a header and the two seat classes, nothing else");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[2], f => f);
        Assert.That(rows["permanent"][3], Is.EqualTo("5"));
        Assert.That(Math.Round(Number(rows["permanent"][5]), 5), Is.EqualTo(0.19627));
        Assert.That(Math.Round(Number(rows["elected"][5]), 6), Is.EqualTo(0.001865));
        Assert.That(Number(rows["elected"][7]), Is.EqualTo(84.0 / 16384).Within(1e-15), "raw Banzhaf of an elected seat, counted by hand: 84 swings in 2^14 coalitions");
        Assert.That(Number(rows["permanent"][6]) + Number(rows["elected"][6]), Is.EqualTo(1).Within(1e-12), "Shapley-Shubik indices sum to one");
        Assert.That(File.Exists(folder.File("out/power.parquet")), "the table is still written");

        var json = CliProcess.Run(folder.Path, "power", "--council", "current", "--out", "out", "--force", "--format", "json");

        Assert.That(json.ExitCode, Is.Zero, json.StandardError);
        using var document = JsonDocument.Parse(json.StandardOutput);
        var permanent = document.RootElement.EnumerateArray().Single(r => r.GetProperty("seat_type").GetString() == "permanent");
        Assert.That(permanent.GetProperty("shapley_shubik").GetDouble(), Is.EqualTo(Number(rows["permanent"][5])), "CSV and JSON carry the same value, unrounded");
        Assert.That(permanent.GetProperty("seats").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public void A_piped_power_table_draws_no_boxes()
    {
        using var folder = new TemporaryFolder();

        var table = CliProcess.Run(folder.Path, "power", "--council", "current", "--out", "out");

        Assert.That(table.ExitCode, Is.Zero, table.StandardError);
        Assert.That(table.StandardOutput, Does.Not.Contain("│").And.Not.Contain("╭"));
        Assert.That(table.StandardOutput, Does.Contain("0.196270").And.Contain("0.001865"), "six decimals for people");
    }

    [Test]
    public void Lobby_as_JSON_starts_from_the_baseline_and_its_gains_add_up()
    {
        using var folder = new TemporaryFolder();

        var json = CliProcess.Run(folder.Path, "lobby", Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml"), "--members", "2", "--trials", "400", "--format", "json");

        Assert.That(json.ExitCode, Is.Zero, json.StandardError);
        using var document = JsonDocument.Parse(json.StandardOutput);
        var steps = document.RootElement.EnumerateArray().ToArray();
        Assert.That(steps, Has.Length.EqualTo(3), "the baseline and two members won over");
        Assert.That(steps[0].GetProperty("step").GetInt32(), Is.Zero);
        Assert.That(steps[0].GetProperty("member").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(steps[0].GetProperty("gain").ValueKind, Is.EqualTo(JsonValueKind.Null));
        for (int s = 1; s < steps.Length; s++)
        {
            Assert.That(steps[s].GetProperty("member").GetString(), Does.Match("^[A-Z]{3}$"));
            Assert.That(
                steps[s].GetProperty("p_adopted").GetDouble(),
                Is.EqualTo(steps[s - 1].GetProperty("p_adopted").GetDouble() + steps[s].GetProperty("gain").GetDouble()).Within(1e-12),
                "each step's gain is the difference from the step before");
        }
    }

    [Test]
    public void Veto_record_as_CSV_counts_what_the_follow_up_file_lists()
    {
        using var folder = new TemporaryFolder();

        var csv = CliProcess.Run(folder.Path, "veto-record", "--data", RepositoryPaths.SharedData, "--out", "out", "--format", "csv");

        Assert.That(csv.ExitCode, Is.Zero, csv.StandardError);
        var lines = csv.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo("estimate,role,from,until,window_days,value,low90,high90,count,of"));
        Assert.That(lines, Has.Length.EqualTo(1 + 3 + 16), "three defaults and 4 windows x 4 periods");
        var tabling = lines.Single(l => l.StartsWith("tabling_probability,default,", StringComparison.Ordinal)).Split(',');
        Assert.That(tabling[2..5], Is.EqualTo(new[] { "1991", "2021", "90" }));
        long followedUp = long.Parse(tabling[8], CultureInfo.InvariantCulture);
        long events = long.Parse(tabling[9], CultureInfo.InvariantCulture);
        Assert.That(Number(tabling[5]), Is.EqualTo((double)followedUp / events).Within(1e-12));
        Assert.That(Number(tabling[6]), Is.LessThan(Number(tabling[5])));
        Assert.That(Number(tabling[7]), Is.GreaterThan(Number(tabling[5])));

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        string followUps = folder.File("out/veto_followups.csv");
        command.CommandText = $"SELECT count(DISTINCT (veto_date, topic)) FROM read_csv('{followUps}') WHERE year(CAST(veto_date AS DATE)) BETWEEN 1991 AND 2021 AND days_after <= 90";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(followedUp), "the followed-up events are the distinct vetoes of veto_followups.csv in the period");
    }

    [Test]
    public void Run_as_CSV_holds_the_rows_of_summary_parquet()
    {
        using var folder = new TemporaryFolder();

        var csv = CliProcess.Run(folder.Path, "run", Path.Combine(RepositoryPaths.Scenarios, "sc-veto-chain-2026.yaml"), "--trials", "2000", "--out", "out", "--format", "csv");

        Assert.That(csv.ExitCode, Is.Zero, csv.StandardError);
        var lines = csv.StandardOutput.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        int id = Array.IndexOf(header, "vote_id");
        int p = Array.IndexOf(header, "p_adopted");
        Assert.That(id, Is.GreaterThanOrEqualTo(0));
        Assert.That(p, Is.GreaterThanOrEqualTo(0));

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{folder.File("out/summary.parquet")}')";
        command.CommandText = $"SELECT vote_id, p_adopted FROM read_parquet('{folder.File("out/summary.parquet")}')";
        var expected = new List<string>();
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                expected.Add(string.Create(CultureInfo.InvariantCulture, $"{rows.GetString(0)} {rows.GetDouble(1):R}"));
            }
        }

        Assert.That(lines.Skip(1).Select(l => l.Split(',')).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f[id]} {Number(f[p]):R}")), Is.EqualTo(expected),
            "every row of summary.parquet in its order, nothing else");
    }

    [Test]
    public void Run_refuses_json_and_csv_together()
    {
        using var folder = new TemporaryFolder();

        var both = CliProcess.Run(folder.Path, "run", Path.Combine(RepositoryPaths.Scenarios, "sc-veto-chain-2026.yaml"), "--trials", "100", "--out", "out", "--json", "--format", "csv");

        Assert.That(both.ExitCode, Is.EqualTo(2));
        Assert.That(both.StandardError, Does.Contain("--json and --format csv"));
        Assert.That(Directory.Exists(folder.File("out")), Is.False, "nothing was run");
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
