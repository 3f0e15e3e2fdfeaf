using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.VetoRecord;

/// <summary>Runs the real <c>stemsim veto-record</c> and reads veto_followups.parquet back with DuckDB.</summary>
public sealed class VetoRecordCommandEndToEndTests
{
    [Test]
    public void WritesThePairsAndPrintsTheEstimates()
    {
        ReferenceData.SharedData.RequireUnDataDirectory();
        using var folder = new TemporaryFolder();

        var run = CliProcess.Run(folder.Path, "veto-record", "--data", RepositoryPaths.SharedData, "--out", "out");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("0.340 (90%: 0.236-0.459)").And.Contain("16 of 47 veto events"));
        string file = Path.Combine(folder.Path, "out", "veto_followups.parquet");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT followup_symbol, yes, no, abstain, vetoed_by, days_after FROM read_parquet('{file}')
            WHERE drafts = 'S/2014/189'
            """;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            Assert.That((rows.GetString(0), rows.GetInt32(1), rows.GetInt32(2), rows.GetInt32(3), rows.GetString(4), rows.GetInt32(5)),
                Is.EqualTo(("A/RES/68/262", 100, 11, 58, "Russia", 12)));
        }

        command.CommandText = $"SELECT count(*) FROM read_parquet('{file}')";
        long parquetRows = (long)command.ExecuteScalar()!;
        Assert.That(parquetRows, Is.EqualTo(File.ReadAllLines(Path.Combine(folder.Path, "out", "veto_followups.csv")).Length - 1));
    }

    [Test]
    public void AMissingDataFolderIsInvalidInput()
    {
        using var folder = new TemporaryFolder();
        var run = CliProcess.Run(folder.Path, "veto-record", "--data", "nowhere", "--out", "out");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("nowhere"));
    }
}
