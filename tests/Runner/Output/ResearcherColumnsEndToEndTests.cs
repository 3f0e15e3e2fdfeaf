using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>
/// What a researcher reading a run with DuckDB relies on: member_probabilities carries each member's regional group
/// and its blocs on the vote's date, dates are DATE, and columns that always hold a value are REQUIRED.
/// </summary>
public sealed class ResearcherColumnsEndToEndTests
{
    [Test]
    public void Member_probabilities_carry_regional_groups_and_dated_blocs_and_the_schema_says_what_is_required()
    {
        using var folder = new TemporaryFolder();
        var run = CliProcess.Run(RepositoryPaths.Root, "run", "scenarios/ga-hrc-suspension-2026.yaml", "--trials", "500", "--out", folder.File("run"), "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        string members = folder.File("run/member_probabilities.parquet").Replace('\\', '/');
        string summary = folder.File("run/summary.parquet").Replace('\\', '/');
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();

        // The five regional groups of the 193 members (Kiribati in Asia-Pacific; Israel and the United States with WEOG).
        var groups = Rows(connection, $"SELECT regional_group, count(*) FROM '{members}' WHERE variant = 'baseline' AND vote_id = (SELECT min(vote_id) FROM '{members}') GROUP BY 1 ORDER BY 1");
        Assert.That(groups.Select(r => r[0]), Is.EqualTo(new[] { "AFRICAN_GROUP", "ASIA_PACIFIC_GROUP", "EASTERN_EUROPEAN_GROUP", "GRULAC", "WEOG" }));
        Assert.That(groups.Sum(r => (long)r[1]!), Is.EqualTo(193));
        Assert.That(groups.Single(r => (string)r[0]! == "AFRICAN_GROUP")[1], Is.EqualTo(54L));
        Assert.That(groups.Single(r => (string)r[0]! == "GRULAC")[1], Is.EqualTo(33L));

        // The vote is in 2026: the Netherlands in the EU, the United Kingdom out of it since 2020, both in NATO.
        var blocs = Rows(connection, $"SELECT member, regional_group, blocs FROM '{members}' WHERE variant = 'baseline' AND member IN ('NLD', 'GBR', 'NGA') AND vote_id = (SELECT min(vote_id) FROM '{members}') ORDER BY member")
            .ToDictionary(r => (string)r[0]!, r => (Group: (string)r[1]!, Blocs: ((string)r[2]!).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.That(blocs["NLD"].Blocs, Does.Contain("EU").And.Contain("NATO"));
        Assert.That(blocs["GBR"].Blocs, Does.Not.Contain("EU").And.Contain("NATO"));
        Assert.That(blocs["NGA"].Group, Is.EqualTo("AFRICAN_GROUP"));
        Assert.That(blocs["NGA"].Blocs, Does.Contain("AU"));
        Assert.That(Rows(connection, $"SELECT count(*) FROM '{members}' WHERE list_contains(string_split(blocs, ' '), 'EU') AND variant = 'baseline' AND vote_id = (SELECT min(vote_id) FROM '{members}')")[0][0], Is.EqualTo(27L));

        Assert.That(Rows(connection, $"SELECT typeof(date) FROM '{summary}' LIMIT 1")[0][0], Is.EqualTo("DATE"));
        var repetition = Rows(connection, $"SELECT name, repetition_type FROM parquet_schema('{members}') WHERE name IN ('variant', 'vote_id', 'member', 'name', 'regional_group', 'blocs', 'p_yes')");
        Assert.That(repetition.Select(r => r[1]), Has.All.EqualTo("REQUIRED"), string.Join(", ", repetition.Select(r => $"{r[0]} {r[1]}")));
        var nullable = Rows(connection, $"SELECT repetition_type FROM parquet_schema('{summary}') WHERE name = 'diff_vs_baseline'");
        Assert.That(nullable[0][0], Is.EqualTo("OPTIONAL"));
    }

    private static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
