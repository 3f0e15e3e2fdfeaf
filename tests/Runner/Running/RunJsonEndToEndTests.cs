using System.Text.Json.Nodes;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>'stemsim run --json': standard output is one JSON object, the summary rows with the provenance, and nothing else.</summary>
public sealed class RunJsonEndToEndTests
{
    [Test]
    public void Json_summary_on_stdout_and_nothing_else()
    {
        using var folder = new TemporaryFolder();
        var run = CliProcess.Run(RepositoryPaths.Root, "run", "scenarios/ga-hrc-suspension-2026.yaml", "--trials", "2000", "--out", folder.File("out"), "--json");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var json = JsonNode.Parse(run.StandardOutput)!;
        Assert.That(json["scenario"]!.GetValue<string>(), Is.EqualTo("ga-hrc-suspension-2026"));
        Assert.That(json["trials"]!.GetValue<ulong>(), Is.EqualTo(2000));
        Assert.That(json["scenario_sha256"]!.GetValue<string>(), Has.Length.EqualTo(64));
        var votes = json["votes"]!.AsArray();
        Assert.That(votes.Select(v => v!["variant"]!.GetValue<string>()), Is.EqualTo(new[] { "baseline", "simple-majority" }));
        Assert.That(votes[0]!["p_adopted"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
        Assert.That(votes[0]!["diff_vs_baseline"], Is.Null);
        Assert.That(votes[1]!["diff_se_paired"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0));
        Assert.That(json["elections"]!.AsArray(), Is.Empty);
        var provenance = json.AsObject().Select(p => p.Key).Except(["output", "seconds", "votes", "elections"]).ToArray();
        Assert.That(provenance, Does.Contain("git_commit").And.Contain("scenario_text"));
        Assert.That(provenance, Has.None.Contains(":"), "only the stemsim.* provenance, not the file's ARROW:schema");
    }

    [Test]
    public void Json_of_an_election_run()
    {
        using var folder = new TemporaryFolder();
        var run = CliProcess.Run(RepositoryPaths.Root, "run", "scenarios/hrc-weog-2026.yaml", "--trials", "500", "--out", folder.File("out"), "--json", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var json = JsonNode.Parse(run.StandardOutput)!;
        Assert.That(json["elections"]!.AsArray().Select(c => c!["candidate"]!.GetValue<string>()), Does.Contain("NLD"));
    }
}
