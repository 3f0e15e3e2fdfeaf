using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StemSimulator.Runner.Serving;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Serving;

/// <summary>
/// The what-if server's API through an in-memory test server: its numbers against the real <c>stemsim run --json</c>
/// and <c>stemsim validate</c> processes on the same scenario text, and each refusal with its status.
/// </summary>
public sealed class ServerApiTests
{
    [Test]
    public async Task A_run_through_the_API_gives_the_numbers_of_stemsim_run_json_exactly()
    {
        string yaml = ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 3000);
        using var folder = new TemporaryFolder();
        var cli = ServerApiSupport.CliJson(yaml, folder, "hrc.yaml");
        await using var server = await TestServerHost.StartAsync();

        using var response = await server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(yaml));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var cliVotes = cli["votes"]!.AsArray();
        var apiVotes = api["votes"]!.AsArray();
        Assert.That(apiVotes.Select(v => (string?)v!["variant"]), Is.EqualTo(new[] { "baseline", "simple-majority" }));
        for (int i = 0; i < cliVotes.Count; i++)
        {
            Assert.That(apiVotes[i]!["p_adopted"]!.GetValue<double>(), Is.EqualTo(cliVotes[i]!["p_adopted"]!.GetValue<double>()), "P(adopted) bit for bit");
            Assert.That(JsonNode.DeepEquals(apiVotes[i], cliVotes[i]), Is.True, $"summary row {i}: API {apiVotes[i]} vs CLI {cliVotes[i]}");
        }

        ServerApiSupport.AssertSameProvenance(api, cli);

        Assert.That(api.ContainsKey("output"), Is.False, "nothing was written, so no output folder");
        var members = api["members"]!.AsArray();
        Assert.That(members, Has.Count.EqualTo(2 * 193));
        var russia = members.First(m => (string?)m!["member"] == "RUS" && (string?)m["variant"] == "baseline")!;
        Assert.That(russia["p_yes"]!.GetValue<double>() + russia["p_no"]!.GetValue<double>() + russia["p_abstain"]!.GetValue<double>() + russia["p_absent"]!.GetValue<double>(), Is.EqualTo(1).Within(1e-12));
        Assert.That(russia["p_no"]!.GetValue<double>(), Is.EqualTo(1), "the scenario fixes RUS: { vote: no }");
    }

    [Test]
    public async Task A_what_if_returns_the_scenario_that_stemsim_run_reproduces_with_the_same_paired_difference()
    {
        string yaml = ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 3000);
        await using var server = await TestServerHost.StartAsync();
        var body = new JsonObject
        {
            ["scenario"] = yaml,
            ["description"] = "The African Group leans towards yes; the EU co-sponsors.",
            ["changes"] = new JsonObject
            {
                ["blocs"] = new JsonObject { ["AFRICAN_GROUP"] = new JsonObject { ["shift"] = 0.5 } },
                ["cosponsors"] = new JsonObject { ["blocs"] = new JsonArray("EU"), ["effect"] = 0.3 },
            },
        };

        using var response = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(body));

        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var answer = JsonNode.Parse(text)!;
        var comparison = answer["comparison"]!.AsArray().Single()!;
        double diff = comparison["diff_vs_baseline"]!.GetValue<double>();
        Assert.That(diff, Is.GreaterThan(0), "leaning a group towards yes and co-sponsoring raise P(adopted)");
        Assert.That(comparison["p_adopted"]!.GetValue<double>() - comparison["baseline_p_adopted"]!.GetValue<double>(), Is.EqualTo(diff).Within(1e-12));

        using var folder = new TemporaryFolder();
        var cli = ServerApiSupport.CliJson(answer["scenario_yaml"]!.GetValue<string>(), folder, "what-if.yaml");
        var row = cli["votes"]!.AsArray().Single(v => (string?)v!["variant"] == WhatIfScenario.VariantName)!;
        Assert.That(row["p_adopted"]!.GetValue<double>(), Is.EqualTo(comparison["p_adopted"]!.GetValue<double>()));
        Assert.That(row["diff_vs_baseline"]!.GetValue<double>(), Is.EqualTo(diff));
        Assert.That(row["diff_se_paired"]!.GetValue<double>(), Is.EqualTo(comparison["diff_se_paired"]!.GetValue<double>()));
        var baseline = cli["votes"]!.AsArray().Single(v => (string?)v!["variant"] == "baseline")!;
        var original = ServerApiSupport.CliJson(yaml, folder, "original.yaml")["votes"]!.AsArray().Single(v => (string?)v!["variant"] == "baseline")!;
        Assert.That(baseline["p_adopted"]!.GetValue<double>(), Is.EqualTo(original["p_adopted"]!.GetValue<double>()), "the baseline does not depend on the variant beside it");
    }

    [Test]
    public async Task A_what_if_on_the_baseline_a_former_what_if_recorded_gives_the_row_of_stemsim_run_with_its_band()
    {
        string yaml = ServerApiSupport.ShippedWithTrials("ga-territorial-integrity-2026.yaml", 3000);
        await using var server = await TestServerHost.StartAsync();
        // The first what-if simulates the baseline and records it; the second simulates only its own variant.
        var first = new JsonObject { ["scenario"] = yaml, ["changes"] = new JsonObject { ["blocs"] = new JsonObject { ["EU"] = new JsonObject { ["shift"] = -0.5 } } } };
        using var recorded = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(first));
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await recorded.Content.ReadAsStringAsync());
        var second = new JsonObject
        {
            ["scenario"] = yaml,
            ["band"] = true,
            ["changes"] = new JsonObject { ["blocs"] = new JsonObject { ["AFRICAN_GROUP"] = new JsonObject { ["shift"] = 0.5 } } },
        };

        using var response = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(second));

        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        // Where each request's time went (Server-Timing): the first simulated and recorded the baseline, this one only its variant.
        Assert.That(string.Join(", ", recorded.Headers.GetValues("Server-Timing")), Does.Contain("simulate-baseline;dur="));
        Assert.That(
            string.Join(", ", response.Headers.GetValues("Server-Timing")),
            Does.Contain("estimator;dur=").And.Contain("simulate;dur=").And.Contain("band;dur=").And.Contain("total;dur=").And.Not.Contain("simulate-baseline"));
        var answer = JsonNode.Parse(text)!;
        using var folder = new TemporaryFolder();
        var cli = ServerApiSupport.CliJson(answer["scenario_yaml"]!.GetValue<string>(), folder, "what-if.yaml");
        var cliVotes = cli["votes"]!.AsArray();
        var apiVotes = answer["run"]!["votes"]!.AsArray();
        Assert.That(apiVotes, Has.Count.EqualTo(2));
        Assert.That(cliVotes[1]!.AsObject().ContainsKey("p_adopted_band_lower"), Is.True, "the run has a band over the analog's spread");
        for (int i = 0; i < cliVotes.Count; i++)
        {
            Assert.That(JsonNode.DeepEquals(apiVotes[i], cliVotes[i]), Is.True, $"summary row {i}, band included: API {apiVotes[i]} vs CLI {cliVotes[i]}");
        }

        var firstRow = JsonNode.Parse(await recorded.Content.ReadAsStringAsync())!["run"]!["votes"]!.AsArray()[0]!;
        Assert.That(firstRow["p_adopted"]!.GetValue<double>(), Is.EqualTo(cliVotes[0]!["p_adopted"]!.GetValue<double>()), "the baseline recorded by the first what-if");
        Assert.That(firstRow.AsObject().ContainsKey("p_adopted_band_lower"), Is.False, "no band unless asked for");
    }

    [Test]
    public async Task The_briefing_of_a_scenario_is_the_one_stemsim_report_writes_for_its_run()
    {
        string yaml = ServerApiSupport.ShippedWithTrials("ga-territorial-integrity-2026.yaml", 3000);
        using var folder = new TemporaryFolder();
        string file = folder.File("territorial.yaml");
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
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("ga-territorial-integrity-2026-briefing.html"));
        Assert.That(html, Does.Contain("<h2>The party concerned</h2>"), "the concerned party's section, from its in-memory table");
        BriefingComparison.AssertSame(html, await File.ReadAllTextAsync(Path.Combine(output, "briefing.html")));
    }

    [Test]
    public async Task A_malformed_scenario_is_a_problem_with_the_line_column_and_message_of_stemsim_validate()
    {
        string yaml = ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 3000).Replace("majority: two_thirds", "majority: two_third", StringComparison.Ordinal)
            .Replace("CHN: { shift: -0.8 }", "CHN: { shfit: -0.8 }", StringComparison.Ordinal);
        using var folder = new TemporaryFolder();
        string file = folder.File("broken.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var validate = CliProcess.Run(RepositoryPaths.Root, "validate", file);
        Assert.That(validate.ExitCode, Is.EqualTo(2));
        var expected = validate.StandardError.Split('\n').Where(l => l.StartsWith(file + ":", StringComparison.Ordinal)).Select(l => l[(file.Length + 1)..].TrimEnd('\r')).ToArray();
        Assert.That(expected, Has.Length.EqualTo(2), validate.StandardError);
        await using var server = await TestServerHost.StartAsync();

        foreach (string path in new[] { "/api/validate", "/api/run" })
        {
            using var response = await server.Client.PostAsync(path, ServerApiSupport.Yaml(yaml));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.That((int)problem["status"]!, Is.EqualTo(400));
            var errors = problem["errors"]!.AsArray();
            var got = errors.Select(e => $"{(int)e!["line"]!}:{(int)e["column"]!}: error: {(string)e["message"]!}").ToArray();
            Assert.That(got, Is.EqualTo(expected), "the same lines, columns and messages as stemsim validate");
            Assert.That((int)errors[0]!["line"]!, Is.EqualTo(yaml.Split('\n').ToList().FindIndex(l => l.Contains("shfit", StringComparison.Ordinal)) + 1));
        }
    }

    [Test]
    public async Task Bodies_over_the_cap_are_refused_with_413()
    {
        await using var server = await TestServerHost.StartAsync(new ServeOptions { MaxBodyBytes = 4_000 });
        string yaml = ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 3000) + "\n# " + new string('x', 5_000) + "\n";

        using var response = await server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(yaml));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Too_many_trials_an_unknown_media_type_and_a_calibration_file_are_refused_with_400_or_415()
    {
        await using var server = await TestServerHost.StartAsync(new ServeOptions { MaxTrials = 2_000 });
        string yaml = ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 3000);

        using var trials = await server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(yaml));
        Assert.That(trials.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)JsonNode.Parse(await trials.Content.ReadAsStringAsync())!["detail"], Does.Contain("at most 2,000"));

        using var plain = await server.Client.PostAsync("/api/run", new StringContent(yaml, Encoding.UTF8, "text/plain"));
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "a browser sends text/plain across origins without asking; it is not taken");

        string withFile = yaml.Replace("shocks: calibrated", "shocks: calibrated\ncalibration: /etc/passwd", StringComparison.Ordinal);
        using var file = await server.Client.PostAsync("/api/validate", ServerApiSupport.Yaml(withFile));
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = JsonNode.Parse(await file.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.That((string?)error["message"], Does.Contain("files are not read here"));
        Assert.That((int)error["line"]!, Is.EqualTo(withFile.Split('\n').ToList().IndexOf("calibration: /etc/passwd") + 1));

        using var whatIf = await server.Client.PostAsync("/api/whatif", new StringContent("{\"scenario\": 3", Encoding.UTF8, "application/json"));
        Assert.That(whatIf.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var renamed = new JsonObject { ["scenario"] = yaml, ["changes"] = new JsonObject { ["name"] = "mine" } };
        using var reserved = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(renamed));
        Assert.That(reserved.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the variant's name is the server's");

        var misspelt = new JsonObject { ["scenario"] = yaml, ["changes"] = new JsonObject { ["blocs"] = new JsonObject { ["EU"] = new JsonObject { ["shfit"] = 1 } } } };
        using var wrong = await server.Client.PostAsync("/api/whatif", ServerApiSupport.Json(misspelt));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!;
        string composed = (string)problem["scenario_yaml"]!;
        int line = (int)problem["errors"]![0]!["line"]!;
        Assert.That(composed.Split('\n')[line - 1], Does.Contain("shfit"), "the error's line is in the composed scenario the problem carries");
    }

    [Test]
    public async Task A_run_over_the_concurrency_limit_is_refused_with_429_and_a_cancelled_run_frees_its_place()
    {
        await using var server = await TestServerHost.StartAsync(new ServeOptions { ConcurrentRuns = 1, QueuedRuns = 0, Threads = 1, MaxWork = 100_000_000, MaxTrials = 100_000_000 });
        string slow = ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 20_000_000);
        using var cancel = new CancellationTokenSource();
        var first = server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(slow), cancel.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(first.IsCompleted, Is.False, "the long run is in flight");

        using var second = await server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 1000)));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(second.Headers.RetryAfter, Is.Not.Null);
        Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));

        // The client goes away: the simulation stops and gives its place back (a run of 20 million trials would
        // hold it for minutes).
        await cancel.CancelAsync();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var third = await server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 1000)));
            status = third.StatusCode;
        }
        while (status == HttpStatusCode.TooManyRequests && stopwatch.Elapsed < TimeSpan.FromSeconds(20));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "the cancelled run left nothing holding the only place");
    }

    [Test]
    public async Task A_run_over_the_time_limit_is_stopped_with_408()
    {
        await using var server = await TestServerHost.StartAsync(new ServeOptions { Timeout = TimeSpan.FromMilliseconds(500), Threads = 1, MaxWork = 100_000_000, MaxTrials = 100_000_000 });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await server.Client.PostAsync("/api/run", ServerApiSupport.Yaml(ServerApiSupport.ShippedWithTrials(ServerApiSupport.Hrc, 20_000_000)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestTimeout), await response.Content.ReadAsStringAsync());
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "stopped, not run to the end");
        Assert.That((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"], Is.EqualTo(ServerProblems.TypePrefix + "timeout"));
    }

    [TestCase("/")]
    [TestCase("/api/scenarios")]
    [TestCase("/api/nothing-here")]
    [TestCase("/openapi/v1.json")]
    public async Task Every_response_carries_a_strict_content_security_policy(string path)
    {
        await using var server = await TestServerHost.StartAsync();

        using var response = await server.Client.GetAsync(path);

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'; script-src 'self';"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
    }

    [Test]
    public async Task A_foreign_host_name_is_refused_unless_remote_access_was_allowed()
    {
        await using var server = await TestServerHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        request.Headers.Host = "attacker.example";

        using var response = await server.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a name resolving to this machine (DNS rebinding) gets nothing");
    }

    [Test]
    public async Task The_openapi_document_describes_the_api()
    {
        await using var server = await TestServerHost.StartAsync();

        var document = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.That(paths, Is.SupersetOf(new[] { "/api/validate", "/api/run", "/api/whatif", "/api/members", "/api/blocs", "/api/groups", "/api/analogs", "/api/scenarios" }));
        Assert.That(document["paths"]!["/api/run"]!["post"]!["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "408", "413", "429" }));
    }

    [Test]
    public async Task Members_blocs_and_analogs_are_those_of_the_commands()
    {
        await using var server = await TestServerHost.StartAsync();
        var cli = CliProcess.Run(RepositoryPaths.Root, "members", "--bloc", "EU", "--year", "2025", "--format", "csv");
        Assert.That(cli.ExitCode, Is.Zero, cli.StandardError);
        var cliCodes = cli.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        Assert.That(cliCodes, Has.Length.EqualTo(27));

        var members = JsonNode.Parse(await server.Client.GetStringAsync("/api/members?bloc=eu&year=2025"))!;
        Assert.That(members["members"]!.AsArray().Select(m => (string?)m!["code"]), Is.EqualTo(cliCodes));
        var blocs = JsonNode.Parse(await server.Client.GetStringAsync("/api/blocs?year=2025"))!.AsArray();
        Assert.That(blocs.Single(b => (string?)b!["name"] == "EU")!["members"]!.AsArray().Select(c => (string?)c), Is.EqualTo(cliCodes));
        var groups = JsonNode.Parse(await server.Client.GetStringAsync("/api/groups"))!.AsArray();
        Assert.That(groups.Select(g => (string?)g!["name"]), Is.EqualTo(new[] { "AFRICAN_GROUP", "ASIA_PACIFIC_GROUP", "EASTERN_EUROPEAN_GROUP", "GRULAC", "WEOG" }));
        Assert.That(groups.Sum(g => g!["members"]!.AsArray().Count), Is.EqualTo(193), "every member in one regional group");

        var analogs = JsonNode.Parse(await server.Client.GetStringAsync("/api/analogs?q=A/RES/68/262"))!.AsArray();
        Assert.That((string?)analogs[0]!["symbol"], Is.EqualTo("A/RES/68/262"));
        Assert.That((int)analogs[0]!["yes"]!, Is.EqualTo(100), "27 March 2014: 100 in favour");
        using var unknown = await server.Client.GetAsync("/api/members?bloc=ATLANTIS");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
