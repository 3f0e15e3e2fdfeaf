using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StemSimulator.Runner.Serving;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Serving;

/// <summary>
/// The what-if server's API on scenarios with elections, through an in-memory test server: the candidates' rows against the
/// real <c>stemsim run --json</c>, and the briefing against <c>stemsim report</c>.
/// </summary>
public sealed class ElectionServerApiTests
{
    [Test]
    public async Task A_run_of_a_scenario_with_elections_gives_the_candidates_rows_of_stemsim_run_json_exactly()
    {
        string yaml = ServerApiSupport.ElectionsWithTrials(2000);
        using var folder = new TemporaryFolder();
        var cli = ServerApiSupport.CliJson(yaml, folder, "hrc-weog.yaml");
        await using var server = await TestServerHost.StartAsync();

        using var response = await server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(yaml));

        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var api = JsonNode.Parse(text)!.AsObject();
        var cliRows = cli["elections"]!.AsArray();
        var apiRows = api["elections"]!.AsArray();
        Assert.That(cliRows, Has.Count.EqualTo(3 * 3), "three variants x three candidates");
        Assert.That(apiRows, Has.Count.EqualTo(cliRows.Count));
        for (int i = 0; i < cliRows.Count; i++)
        {
            Assert.That(apiRows[i]!["p_elected"]!.GetValue<double>(), Is.EqualTo(cliRows[i]!["p_elected"]!.GetValue<double>()), "P(elected) bit for bit");
            Assert.That(JsonNode.DeepEquals(apiRows[i], cliRows[i]), Is.True, $"candidate row {i}: API {apiRows[i]} vs CLI {cliRows[i]}");
        }

        ServerApiSupport.AssertSameProvenance(api, cli);

        Assert.That(api["votes"]!.AsArray(), Is.Empty);
        Assert.That(api["members"]!.AsArray(), Is.Empty, "no vote, so no member probabilities");
    }

    [Test]
    public async Task A_what_if_on_an_election_gives_the_rows_of_stemsim_run_of_its_scenario_and_refuses_vote_changes()
    {
        string yaml = ServerApiSupport.ElectionsWithTrials(2000);
        await using var server = await TestServerHost.StartAsync();
        var body = new JsonObject
        {
            ["scenario"] = yaml,
            ["description"] = "Portugal campaigns hard.",
            ["changes"] = new JsonObject { ["elections"] = new JsonObject { ["hrc-2026"] = new JsonObject { ["campaign"] = new JsonObject { ["PRT"] = 1.5 } } } },
        };

        using var response = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(body));

        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var answer = JsonNode.Parse(text)!;
        using var folder = new TemporaryFolder();
        var cliRows = ServerApiSupport.CliJson(answer["scenario_yaml"]!.GetValue<string>(), folder, "what-if.yaml")["elections"]!.AsArray();
        var apiRows = answer["run"]!["elections"]!.AsArray();
        Assert.That(apiRows, Has.Count.EqualTo(2 * 3), "the baseline and the what-if, three candidates each");
        for (int i = 0; i < cliRows.Count; i++)
        {
            Assert.That(JsonNode.DeepEquals(apiRows[i], cliRows[i]), Is.True, $"candidate row {i}: API {apiRows[i]} vs CLI {cliRows[i]}");
        }

        var portugal = answer["election_comparison"]!.AsArray().Single(c => (string?)c!["candidate"] == "PRT")!;
        var cliPortugal = cliRows.Single(r => (string?)r!["variant"] == WhatIfScenario.VariantName && (string?)r["candidate"] == "PRT")!;
        var cliBaseline = cliRows.Single(r => (string?)r!["variant"] == "baseline" && (string?)r["candidate"] == "PRT")!;
        Assert.That(portugal["p_elected"]!.GetValue<double>(), Is.EqualTo(cliPortugal["p_elected"]!.GetValue<double>()));
        Assert.That(portugal["baseline_p_elected"]!.GetValue<double>(), Is.EqualTo(cliBaseline["p_elected"]!.GetValue<double>()));
        Assert.That(portugal["diff_vs_baseline"]!.GetValue<double>(), Is.GreaterThan(0), "a stronger campaign raises Portugal's chance");
        var original = ServerApiSupport.CliJson(yaml, folder, "original.yaml")["elections"]!.AsArray().Where(r => (string?)r!["variant"] == "baseline").ToArray();
        Assert.That(original.Select(r => r!["p_elected"]!.GetValue<double>()), Is.EqualTo(apiRows.Take(3).Select(r => r!["p_elected"]!.GetValue<double>())), "the baseline does not depend on the variant beside it");

        var shift = new JsonObject { ["scenario"] = yaml, ["changes"] = new JsonObject { ["blocs"] = new JsonObject { ["EU"] = new JsonObject { ["shift"] = 0.5 } } } };
        using var refused = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(shift));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await refused.Content.ReadAsStringAsync());
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.That((string?)problem["type"], Is.EqualTo("urn:stemsim:problem:not-applicable"));
        Assert.That((string?)problem["detail"], Does.Contain("'blocs'").And.Contain("hrc-2026"));
    }

    [Test]
    public async Task A_what_if_on_a_scenario_of_votes_and_an_election_gives_both_as_stemsim_run_does()
    {
        // The General Assembly vote with the Council election beside it: a scenario may hold both.
        string election = ServerApiSupport.ElectionsWithTrials(1000);
        string block = election[election.IndexOf("elections:", StringComparison.Ordinal)..election.IndexOf("variants:", StringComparison.Ordinal)];
        string yaml = ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 1000).Replace("\nvotes:\n", "\n" + block + "votes:\n", StringComparison.Ordinal);
        Assert.That(yaml, Does.Contain("hrc-2026"));
        await using var server = await TestServerHost.StartAsync();
        // A what-if before it: a baseline with elections is not recorded (BaselineRecord.CanRecord), so each simulates both.
        var first = new JsonObject { ["scenario"] = yaml, ["changes"] = new JsonObject() };
        using var earlier = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(first));
        Assert.That(earlier.StatusCode, Is.EqualTo(HttpStatusCode.OK), await earlier.Content.ReadAsStringAsync());
        var second = new JsonObject
        {
            ["scenario"] = yaml,
            ["band"] = true,
            ["changes"] = new JsonObject
            {
                ["blocs"] = new JsonObject { ["EU"] = new JsonObject { ["shift"] = 0.5 } },
                ["elections"] = new JsonObject { ["hrc-2026"] = new JsonObject { ["campaign"] = new JsonObject { ["PRT"] = 1.5 } } },
            },
        };

        using var response = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(second));

        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var answer = JsonNode.Parse(text)!;
        using var folder = new TemporaryFolder();
        var cli = ServerApiSupport.CliJson(answer["scenario_yaml"]!.GetValue<string>(), folder, "what-if.yaml");
        foreach (string table in new[] { "votes", "elections" })
        {
            var cliRows = cli[table]!.AsArray();
            var apiRows = answer["run"]![table]!.AsArray();
            Assert.That(apiRows, Has.Count.EqualTo(cliRows.Count).And.Count.GreaterThan(0), table);
            for (int i = 0; i < cliRows.Count; i++)
            {
                Assert.That(JsonNode.DeepEquals(apiRows[i], cliRows[i]), Is.True, $"{table} row {i}: API {apiRows[i]} vs CLI {cliRows[i]}");
            }
        }

        Assert.That(answer["comparison"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(answer["election_comparison"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task The_briefing_of_an_election_is_the_one_stemsim_report_writes_for_its_run()
    {
        string yaml = ServerApiSupport.ElectionsWithTrials(1000);
        using var folder = new TemporaryFolder();
        string file = folder.File("hrc-weog.yaml");
        await File.WriteAllTextAsync(file, yaml);
        string output = folder.File("run");
        var run = CliProcess.Run(RepositoryPaths.Root, "run", file, "--out", output, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var report = CliProcess.Run(RepositoryPaths.Root, "report", output, "--quiet");
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        await using var server = await TestServerHost.StartAsync();

        using var response = await server.Client.PostAsync("/api/briefing", ServerApiSupport.Yaml(yaml));

        string html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(html, Does.Contain("Netherlands"), "the candidates' table");
        BriefingComparison.AssertSame(html, await File.ReadAllTextAsync(Path.Combine(output, "briefing.html")));
    }
}
