using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Lobbying;

/// <summary><c>stemsim lobby</c> sets its own baseline beside the run's P(adopted) and says why they differ.</summary>
public sealed partial class LobbyCommandEndToEndTests
{
    [Test]
    public void Lobby_reports_the_runs_p_adopted_and_explains_the_difference()
    {
        using var folder = new TemporaryFolder();
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "ga-territorial-integrity-2026.yaml"));
        File.WriteAllText(folder.File("small.yaml"), TrialsLine().Replace(text, "trials: 6000"));

        var run = CliProcess.Run(folder.Path, "run", "small.yaml", "--out", "run", "--json");
        var lobby = CliProcess.Run(folder.Path, "lobby", "small.yaml", "--members", "1", "--trials", "500");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(lobby.ExitCode, Is.Zero, lobby.StandardError);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var baseline = json.RootElement.GetProperty("votes").EnumerateArray().First(v => v.GetProperty("variant").GetString() == "baseline");
        double pAdopted = baseline.GetProperty("p_adopted").GetDouble();
        string output = string.Join(' ', lobby.StandardOutput.Split('\n').Select(l => l.Trim()));
        var stated = RunSentence().Match(output);
        Assert.That(stated.Success, Is.True, output);
        Assert.That(stated.Groups[1].Value, Is.EqualTo("6,000"));
        Assert.That(stated.Groups[2].Value, Is.EqualTo(baseline.GetProperty("estimator").GetString()));
        Assert.That(double.Parse(stated.Groups[3].Value, CultureInfo.InvariantCulture), Is.EqualTo(pAdopted).Within(0.00005), "the run's own P(adopted), to the digits shown");
        Assert.That(output, Does.Contain("Monte Carlo error").And.Contain("(exact estimator, 500 trials)"));
    }

    [GeneratedRegex(@"(?m)^trials: \d+")]
    private static partial Regex TrialsLine();

    [GeneratedRegex(@"The scenario's run \(([\d,]+) trials, (\w+) estimator\) gives P\(adopted\) (\d\.\d{4})")]
    private static partial Regex RunSentence();
}
