using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Lobbying;

/// <summary><c>stemsim lobby --calibration FILE</c> works on the user's table as <c>stemsim run --calibration</c> does.</summary>
public sealed class LobbyCalibrationTests
{
    private const string Scenario = """
        scenario: lobby-user-calibration
        as_of: 2026-03-01
        trials: 3000
        seed: 7
        votes:
          - id: golan
            title: The Syrian Golan
            body: GA
            date: 2026-03-20
            majority: two_thirds
            like: A/RES/75/24

        """;

    [Test]
    public void Lobby_takes_the_users_table_and_states_the_same_run_as_run_with_that_table()
    {
        using var folder = new TemporaryFolder();
        var calibrate = CliProcess.Run(folder.Path, "calibrate", "--data", Fixtures.UnSmall, "--out", folder.File("cal.csv.gz"), "--quiet");
        Assert.That(calibrate.ExitCode, Is.Zero, calibrate.StandardError);
        File.WriteAllText(folder.File("golan.yaml"), Scenario);

        var run = CliProcess.Run(folder.Path, "run", "golan.yaml", "--calibration", folder.File("cal.csv.gz"), "--out", "run", "--json");
        var lobby = CliProcess.Run(folder.Path, "lobby", "golan.yaml", "--calibration", folder.File("cal.csv.gz"), "--members", "1", "--trials", "300");
        var stepsWithTable = CliProcess.Run(folder.Path, "lobby", "golan.yaml", "--calibration", folder.File("cal.csv.gz"), "--members", "1", "--trials", "300", "--format", "json");
        var stepsEmbedded = CliProcess.Run(folder.Path, "lobby", "golan.yaml", "--members", "1", "--trials", "300", "--format", "json");

        foreach (var process in new[] { run, lobby, stepsWithTable, stepsEmbedded })
        {
            Assert.That(process.ExitCode, Is.Zero, process.StandardError);
        }

        using var runJson = JsonDocument.Parse(run.StandardOutput);
        double pAdopted = runJson.RootElement.GetProperty("votes")[0].GetProperty("p_adopted").GetDouble();
        var stated = Regex.Match(string.Join(' ', lobby.StandardOutput.Split('\n').Select(l => l.Trim())), @"The scenario's run \([\d,]+ trials, \w+ estimator\) gives P\(adopted\) (\d\.\d{4})");
        Assert.That(stated.Success, Is.True, lobby.StandardOutput);
        Assert.That(double.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture), Is.EqualTo(pAdopted).Within(0.00005), "lobby's run is run --calibration's, to the digits shown");
        // Two thirds rather than a simple majority: a simple majority is so certain under both tables that their
        // baselines differ only in the last bits of a double, which any change of summation order may erase.
        Assert.That(BaselineOf(stepsWithTable.StandardOutput), Is.Not.EqualTo(BaselineOf(stepsEmbedded.StandardOutput)).Within(1e-12), "the user's table, not the embedded one, set the positions the optimiser works on");
    }

    private static double BaselineOf(string json)
    {
        using var steps = JsonDocument.Parse(json);
        return steps.RootElement[0].GetProperty("p_adopted").GetDouble();
    }

    [Test]
    public void A_missing_table_is_exit_2_with_its_name_and_no_stack_trace()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("golan.yaml"), Scenario);

        var lobby = CliProcess.Run(folder.Path, "lobby", "golan.yaml", "--calibration", folder.File("nowhere.csv.gz"));

        Assert.That(lobby.ExitCode, Is.EqualTo(2));
        Assert.That(lobby.StandardError, Does.Contain("nowhere.csv.gz").And.Not.Contain("   at "));
    }
}
