using System.Globalization;
using DuckDB.NET.Data;
using StemSimulator.Engine.ConcernedParty;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>concerned_party.parquet, read back with DuckDB, says what the concerned-party effect did.</summary>
[NonParallelizable]
public sealed class ConcernedPartyTableTests
{
    // A Council draft on Ukraine (as in CouncilRecordScenarioTests) with a what-if that keeps the Assembly-position model.
    private const string UkraineDraft = """
        scenario: concerned-table
        as_of: 2026-03-01
        trials: 500
        votes:
          - id: v
            body: SC
            decision: substantive
            like: { vote: A/RES/68/182, spread: 0.8 }
            concerns: [RUS]
        variants:
          - name: assembly-model
            votes:
              v: { council_model: assembly }
        """;

    [Test]
    public void Council_rows_give_the_record_model_and_the_Assembly_model_it_replaces()
    {
        using var folder = new TemporaryFolder();
        string yaml = folder.File("ukraine.yaml");
        File.WriteAllText(yaml, UkraineDraft);
        Run("run", yaml, "--out", folder.File("run"), "--quiet");
        string table = Sql(folder.File("run"), ConcernedPartyTable.FileName);

        using var connection = Open();
        // One row per member and variant; the elected members are untouched.
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table}"), Is.EqualTo(30));
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table} WHERE effect = 'none' AND variant = 'baseline'"), Is.EqualTo(10));
        Assert.That(Text(connection, $"SELECT string_agg(DISTINCT concerns, ',') FROM {table}"), Is.EqualTo("RUS"));

        // Baseline: Russia is concerned, its P(no) is the record model's P(veto) for 2026 (fitted to 2021).
        double record = CouncilRecordVetoes.Forecast(new DateOnly(2026, 3, 1), ["RUS"]).VetoProbability[2];
        Assert.That(Text(connection, $"SELECT effect FROM {table} WHERE variant = 'baseline' AND member = 'RUS'"), Is.EqualTo("council_record"));
        Assert.That(Scalar(connection, $"SELECT p_no_with FROM {table} WHERE variant = 'baseline' AND member = 'RUS'"), Is.EqualTo(record).Within(1e-9));
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table} WHERE variant = 'baseline' AND concerned"), Is.EqualTo(1));

        // The what-if with council_model: assembly changes nobody, and its probabilities are the baseline's "without".
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table} WHERE variant = 'assembly-model' AND effect <> 'none'"), Is.Zero);
        Assert.That(Scalar(connection, $"""
            SELECT max(abs(b.p_no_without - a.p_no_with) + abs(b.p_yes_without - a.p_yes_with))
            FROM {table} b JOIN {table} a USING (vote_id, member)
            WHERE b.variant = 'baseline' AND a.variant = 'assembly-model'
            """), Is.LessThan(1e-12));
        Assert.That(Scalar(connection, $"SELECT p_no_with - p_no_without FROM {table} WHERE variant = 'baseline' AND member = 'RUS'"), Is.GreaterThan(0.2));

        // Probabilities are probabilities.
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table} WHERE p_yes_with + p_abstain_with + p_no_with > 1 + 1e-12 OR least(p_yes_with, p_abstain_with, p_no_with, p_yes_without, p_abstain_without, p_no_without) < 0"), Is.Zero);
    }

    [Test]
    public void Assembly_rows_give_the_estimated_shift_and_join_member_probabilities()
    {
        using var folder = new TemporaryFolder();
        string run = folder.File("run");
        Run("run", "scenarios/ga-hrc-suspension-2026.yaml", "--trials", "500", "--out", run, "--quiet");
        string table = Sql(run, ConcernedPartyTable.FileName), members = Sql(run, "member_probabilities.parquet");

        using var connection = Open();
        // Every member of member_probabilities has its row (the join loses none).
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {members} m LEFT JOIN {table} c USING (variant, vote_id, member) WHERE c.member IS NULL AND m.vote_id IN (SELECT vote_id FROM {table})"), Is.Zero);

        // The shift is gamma0 + gamma1 * distance with distance >= 0 (docs/concerned-party.md: 0.2257, -0.1830), so no
        // member moves by more than gamma0, and a positive shift raises P(yes).
        var effect = ConcernedPartyEffect.Estimated1990To2009;
        Assert.That(effect.Gamma0, Is.EqualTo(0.2257).Within(5e-5));
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table} WHERE effect = 'closeness_shift'"), Is.GreaterThan(100));
        Assert.That(Scalar(connection, $"SELECT max(shift) FROM {table} WHERE effect = 'closeness_shift'"), Is.LessThanOrEqualTo(effect.Gamma0 + 1e-12));
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table} WHERE effect = 'closeness_shift' AND sign(shift) <> sign(p_yes_with - p_yes_without)"), Is.Zero);
        Assert.That(Scalar(connection, $"SELECT count(*) FROM {table} WHERE effect <> 'closeness_shift' AND shift IS NOT NULL"), Is.Zero);

        // The example query of docs/outputs.md runs and lists ten members.
        string docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "outputs.md"));
        int section = docs.IndexOf("## `concerned_party.parquet`", StringComparison.Ordinal);
        int start = docs.IndexOf("```sql", section, StringComparison.Ordinal) + "```sql".Length;
        string example = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)]
            .Replace("runs/ga-hrc-suspension-2026", run.Replace('\\', '/'), StringComparison.Ordinal).Trim().TrimEnd(';');
        using var command = connection.CreateCommand();
        command.CommandText = example;
        using var reader = command.ExecuteReader();
        int rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        Assert.That(rows, Is.EqualTo(10));
    }

    [Test]
    public void A_run_without_concerns_writes_no_table()
    {
        using var folder = new TemporaryFolder();
        Run("run", "scenarios/ga-climate-eu-sids-2026.yaml", "--trials", "200", "--out", folder.File("run"), "--quiet");

        Assert.That(File.Exists(Path.Combine(folder.File("run"), ConcernedPartyTable.FileName)), Is.False);
        Assert.That(File.Exists(Path.Combine(folder.File("run"), "summary.parquet")), Is.True);
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static string Sql(string folder, string file) => $"'{Path.Combine(folder, file).Replace('\\', '/')}'";

    private static double Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? Text(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private static void Run(params string[] arguments)
    {
        var result = CliProcess.Run(RepositoryPaths.Root, arguments);
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
    }
}
