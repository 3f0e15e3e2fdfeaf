using System.Security.Cryptography;
using DuckDB.NET.Data;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>
/// A run folder stands on its own: it keeps the scenario file's bytes (scenario.yaml) and its text in the Parquet
/// metadata, says which calibration year it used, and 'report' on a moved copy gives the briefing made in place.
/// </summary>
public sealed class SelfContainedRunEndToEndTests
{
    [Test]
    public void The_folder_keeps_the_scenario_and_a_moved_copy_reports_as_in_place()
    {
        using var folder = new TemporaryFolder();
        byte[] original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Scenarios, "replays", "ukraine-2014-veto.yaml"));
        File.WriteAllBytes(folder.File("ukraine.yaml"), original);

        var run = CliProcess.Run(folder.Path, "run", "ukraine.yaml", "--trials", "2000", "--out", "runs/ukraine", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        string inPlace = folder.File("runs/ukraine");
        Assert.That(File.ReadAllBytes(Path.Combine(inPlace, "scenario.yaml")), Is.EqualTo(original), "the copy is the file's bytes, unchanged");

        var metadata = Metadata(Path.Combine(inPlace, "summary.parquet"));
        Assert.That(metadata["stemsim.scenario_sha256"], Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(original))));
        Assert.That(metadata["stemsim.scenario_text"], Is.EqualTo(System.Text.Encoding.UTF8.GetString(original)));
        Assert.That(metadata["stemsim.positions_year"], Is.EqualTo("2013"), "the replay says 'calibration: 2013'");
        Assert.That(metadata["stemsim.positions"], Is.EqualTo("StemSimulator calibration 1946-2021 (embedded), positions of 2013"));
        Assert.That(Metadata(Path.Combine(inPlace, "trials", "shard=0", "part-0.parquet"))["stemsim.scenario_text"], Is.EqualTo(metadata["stemsim.scenario_text"]));

        Directory.CreateDirectory(folder.File("here"));
        var here = CliProcess.Run(folder.Path, "report", "runs/ukraine", "--out", folder.File("here/briefing.md"));
        Assert.That(here.ExitCode, Is.Zero, here.StandardError);

        // Move the run elsewhere and remove the scenario file: the briefing must not change.
        using var elsewhere = new TemporaryFolder();
        Directory.Move(inPlace, elsewhere.File("moved"));
        File.Delete(folder.File("ukraine.yaml"));
        Directory.CreateDirectory(elsewhere.File("there"));
        var moved = CliProcess.Run(elsewhere.Path, "report", "moved", "--out", elsewhere.File("there/briefing.md"));
        Assert.That(moved.ExitCode, Is.Zero, moved.StandardError);

        // Only the provenance row naming the run folder may differ: it says where the folder is now.
        string expected = File.ReadAllText(folder.File("here/briefing.md"));
        string actual = File.ReadAllText(elsewhere.File("there/briefing.md"));
        Assert.That(actual, Does.Contain("| run folder | `moved` |"));
        Assert.That(WithoutRunFolder(actual), Is.EqualTo(WithoutRunFolder(expected)));
        Assert.That(expected, Does.Not.Contain("scenario file not available").And.Not.Contain("was not found"));
        Assert.That(expected, Does.Contain("A/RES/68/262").Or.Contain("A/RES/68/182"), "the analogs come from the kept scenario");
    }

    [Test]
    public void A_merge_keeps_the_scenario_its_file_and_its_calibration_year()
    {
        using var folder = new TemporaryFolder();
        File.Copy(Path.Combine(RepositoryPaths.Scenarios, "replays", "ukraine-2014-veto.yaml"), folder.File("ukraine.yaml"));
        for (int k = 0; k < 2; k++)
        {
            var shard = CliProcess.Run(folder.Path, "run", "ukraine.yaml", "--trials", "2000", "--shard-index", $"{k}", "--shard-count", "2", "--out", $"s{k}", "--quiet");
            Assert.That(shard.ExitCode, Is.Zero, shard.StandardError);
        }

        var merge = CliProcess.Run(folder.Path, "merge", "s0", "s1", "--out", "merged");
        Assert.That(merge.ExitCode, Is.Zero, merge.StandardError);

        Assert.That(File.ReadAllBytes(folder.File("merged/scenario.yaml")), Is.EqualTo(File.ReadAllBytes(folder.File("ukraine.yaml"))));
        var merged = Metadata(folder.File("merged/summary.parquet"));
        var single = Metadata(folder.File("s0/summary.parquet"));
        Assert.That(merged["stemsim.scenario_file"], Is.EqualTo("ukraine.yaml"), "the scenario file, not the first shard's folder");
        foreach (string key in new[] { "stemsim.positions", "stemsim.positions_year", "stemsim.positions_age", "stemsim.scenario_text" })
        {
            Assert.That(merged[key], Is.EqualTo(single[key]), key);
        }
    }

    private static string WithoutRunFolder(string briefing) =>
        string.Join('\n', briefing.Split('\n').Where(line => !line.StartsWith("| run folder |", StringComparison.Ordinal)));

    private static Dictionary<string, string> Metadata(string parquet)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{parquet}')";
        using var rows = command.ExecuteReader();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (rows.Read())
        {
            metadata[rows.GetString(0)] = rows.GetString(1);
        }

        return metadata;
    }
}
