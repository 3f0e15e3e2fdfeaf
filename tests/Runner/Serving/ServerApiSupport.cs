using System.Text;
using System.Text.Json.Nodes;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Serving;

/// <summary>What the server's API tests share: the shipped scenarios with fewer trials, request bodies, <c>stemsim run --json</c> of a
/// scenario text, and the comparison of provenance.</summary>
internal static class ServerApiSupport
{
    internal const string Hrc = "ga-hrc-suspension-2026.yaml";

    /// <summary>The shipped scenario with fewer trials (the same text otherwise), so that the CLI and the server run the same bytes quickly.</summary>
    internal static string ShippedWithTrials(string file, int trials)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, file));
        string changed = text.Replace("trials: 100000", $"trials: {trials}", StringComparison.Ordinal);
        Assert.That(changed, Is.Not.EqualTo(text), "the shipped scenario's trials line changed; update the test");
        return changed;
    }

    internal static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    internal static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    internal static JsonObject CliJson(string scenarioText, TemporaryFolder folder, string name)
    {
        string file = folder.File(name);
        File.WriteAllText(file, scenarioText);
        var run = CliProcess.Run(RepositoryPaths.Root, "run", file, "--out", folder.File(name + ".out"), "--json", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        return JsonNode.Parse(run.StandardOutput)!.AsObject();
    }

    /// <summary>The shipped scenario of a Human Rights Council election with fewer trials.</summary>
    internal static string ElectionsWithTrials(int trials)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "hrc-weog-2026.yaml"));
        string changed = text.Replace("trials: 20000", $"trials: {trials}", StringComparison.Ordinal);
        Assert.That(changed, Is.Not.EqualTo(text), "the shipped scenario's trials line changed; update the test");
        return changed;
    }

    /// <summary>The API's answer carries the run's provenance: every key of <c>run --json</c> but those naming the file and the moment.</summary>
    internal static void AssertSameProvenance(JsonObject api, JsonObject cli)
    {
        foreach (var (key, value) in cli)
        {
            if (key is "created_utc" or "scenario_file" or "output" or "seconds")
            {
                continue;
            }

            Assert.That(JsonNode.DeepEquals(api[key], value), Is.True, $"key {key}: API {api[key]} vs CLI {value}");
        }
    }
}
