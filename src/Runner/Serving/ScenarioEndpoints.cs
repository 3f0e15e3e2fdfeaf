using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StemSimulator.Engine.Simulation;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The scenario API: list and fetch the shipped scenarios, validate a scenario, run it, and run a what-if (the
/// scenario with one variant of changes, on common random numbers, with the paired differences).
/// </summary>
internal static class ScenarioEndpoints
{
    /// <summary>The name of the rate-limiting and time-limit policy of the requests that simulate.</summary>
    public const string SimulationPolicy = "simulations";

    /// <summary>The what-if's answer as the server's JSON options write it (a JsonObject names its own keys): no escaping beyond JSON's.</summary>
    private static readonly JsonSerializerOptions AnswerJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("scenarios");
        api.MapGet("/scenarios", (ShippedScenarios shipped) => Results.Json(shipped.All))
            .WithSummary("The shipped scenarios and templates the server runs")
            .Produces<ShippedScenario[]>();
        api.MapGet("/scenarios/{name}", (string name, ShippedScenarios shipped) => shipped.Text(name) is { } yaml
                ? Results.Text(yaml, "application/yaml", Encoding.UTF8)
                : ServerProblems.Refused("not-found", "No such scenario", $"no shipped scenario or template is called '{name}'", StatusCodes.Status404NotFound))
            .WithSummary("The YAML of a shipped scenario or template")
            .Produces<string>(contentType: "application/yaml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/validate", ValidateAsync)
            .WithSummary("Check a scenario (YAML or JSON body) without running it: the problems of stemsim validate, with line and column")
            .Accepts<string>("application/yaml", RequestBody.ScenarioTypes.Skip(1).ToArray())
            .Produces<JsonObject>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/run", RunAsync)
            .WithSummary("Run a scenario (YAML or JSON body): what stemsim run --json prints, with every member's probabilities and swing")
            .Accepts<string>("application/yaml", RequestBody.ScenarioTypes.Skip(1).ToArray())
            .Produces<JsonObject>()
            .SimulationProblems(scenarioMediaTypes: true);
        api.MapPost("/whatif", WhatIfAsync)
            .WithSummary("Run a scenario with one variant of changes (members, blocs, cosponsors, outreach) on common random numbers")
            .WithDescription("Body: {\"scenario\": YAML text, \"changes\": the keys of a scenario variant, \"description\": optional, \"trials\": optional}. "
                + "The answer holds the scenario YAML that was run (stemsim run reproduces it), the what-if's P(adopted) beside the baseline's with the paired difference, and the run. "
                + "\"band\": true adds the band over the analog's plausible spread that stemsim run computes (4 x 20,000 more trials).")
            .Accepts<WhatIfRequest>("application/json")
            .Produces<JsonObject>()
            .SimulationProblems(scenarioMediaTypes: false);
        api.MapPost("/briefing", BriefingAsync)
            .WithSummary("The HTML briefing of a scenario's run (YAML or JSON body): what stemsim report writes for stemsim run of the same scenario")
            .Accepts<string>("application/yaml", RequestBody.ScenarioTypes.Skip(1).ToArray())
            .Produces<string>(contentType: "text/html")
            .SimulationProblems(scenarioMediaTypes: true);
    }

    /// <summary>
    /// What every endpoint that simulates may answer besides success (a bad scenario, the time limit, the body cap, a
    /// media type it does not take when it reads scenario text, the concurrency limit), and the limiter it runs under.
    /// </summary>
    private static RouteHandlerBuilder SimulationProblems(this RouteHandlerBuilder endpoint, bool scenarioMediaTypes)
    {
        endpoint
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        if (scenarioMediaTypes)
        {
            endpoint.ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        }

        return endpoint
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(SimulationPolicy);
    }

    private static async Task<IResult> ValidateAsync(HttpContext context, ServeOptions options, ScenarioEvaluator evaluator)
    {
        var (bytes, problem) = await RequestBody.ReadAsync(context, options.MaxBodyBytes, RequestBody.ScenarioTypes).ConfigureAwait(false);
        if (bytes is null)
        {
            return problem!;
        }

        var loaded = ScenarioEvaluator.Load(bytes);
        if (!loaded.Succeeded)
        {
            return ServerProblems.Scenario(loaded.Diagnostics);
        }

        var model = loaded.Model!;
        return Results.Json(new JsonObject
        {
            ["valid"] = true,
            ["scenario"] = loaded.Document!.Scenario,
            ["trials"] = model.Trials,
            ["votes"] = new JsonArray([.. model.Variants[0].Votes.Select(v => (JsonNode)v.Id)]),
            ["variants"] = new JsonArray([.. model.Variants.Skip(1).Select(v => (JsonNode)v.Name)]),
            ["runs_here"] = evaluator.Refusal(loaded) is null,
            ["refusal"] = evaluator.Refusal(loaded),
            ["warnings"] = ServedJson.Warnings(loaded),
        });
    }

    private static async Task<IResult> RunAsync(HttpContext context, ServeOptions options, ScenarioEvaluator evaluator)
    {
        var (bytes, problem) = await RequestBody.ReadAsync(context, options.MaxBodyBytes, RequestBody.ScenarioTypes).ConfigureAwait(false);
        if (bytes is null)
        {
            return problem!;
        }

        var (run, refused) = await EvaluateAsync(ScenarioEvaluator.Load(bytes), null, evaluator, l => evaluator.RunAsync(l, context.RequestAborted)).ConfigureAwait(false);
        return refused ?? Results.Json(run!.ToJson());
    }

    private static async Task<IResult> BriefingAsync(HttpContext context, ServeOptions options, ScenarioEvaluator evaluator)
    {
        var (bytes, problem) = await RequestBody.ReadAsync(context, options.MaxBodyBytes, RequestBody.ScenarioTypes).ConfigureAwait(false);
        if (bytes is null)
        {
            return problem!;
        }

        var (run, refused) = await EvaluateAsync(
                ScenarioEvaluator.Load(bytes), null, evaluator, l => evaluator.EvaluateAsync(l, null, band: true, concernedParty: true, context.RequestAborted))
            .ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ServedBriefing.FileName(run!.Loaded.Document!.Scenario)}\"";
        return Results.Text(ServedBriefing.Html(run), "text/html", Encoding.UTF8);
    }

    private static async Task<IResult> WhatIfAsync(HttpContext context, ServeOptions options, ScenarioEvaluator evaluator)
    {
        var timing = new ServerTiming();
        var (bytes, problem) = await RequestBody.ReadAsync(context, options.MaxBodyBytes, RequestBody.JsonTypes).ConfigureAwait(false);
        if (bytes is null)
        {
            return problem!;
        }

        timing.Mark("body");
        var (request, invalid) = ReadWhatIf(bytes);
        if (request is null)
        {
            return invalid!;
        }

        timing.Mark("request");

        // The scenario's own errors are reported against its own lines, before the what-if is composed.
        byte[] scenario = Encoding.UTF8.GetBytes(request.Scenario!);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(scenario));
        if (!evaluator.LoadedBefore(sha256))
        {
            var baseline = ScenarioEvaluator.Load(scenario);
            if (!baseline.Succeeded)
            {
                return ServerProblems.Scenario(baseline.Diagnostics);
            }

            evaluator.RememberLoaded(sha256);
        }

        timing.Mark("scenario");
        string composed = WhatIfScenario.Compose(request.Scenario!, request.Changes, request.Description, request.Trials);
        timing.Mark("compose");
        // The composed scenario replaces only the variants and the trials: its baseline is the text's with these trials.
        string baselineKey = string.Create(CultureInfo.InvariantCulture, $"{sha256}:{request.Trials?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        var loaded = ScenarioEvaluator.Load(Encoding.UTF8.GetBytes(composed));
        if (loaded.Succeeded && WhatIfScenario.NotApplicable(loaded.Model!, request.Changes) is { } notApplicable)
        {
            return ServerProblems.Refused("not-applicable", "A change this scenario cannot take", notApplicable);
        }

        timing.Mark("load");
        var (run, refused) = await EvaluateAsync(
                loaded, composed, evaluator,
                l => evaluator.EvaluateAsync(l, baselineKey, band: request.Band == true, concernedParty: false, context.RequestAborted, timing))
            .ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        return WhatIfAnswer(context, composed, run!, timing);
    }

    /// <summary>The what-if's answer, serialised before it is sent so that its Server-Timing header counts the serialisation.</summary>
    private static IResult WhatIfAnswer(HttpContext context, string composed, EvaluatedRun run, ServerTiming timing)
    {
        var root = run.ToJson();
        var answer = new JsonObject
        {
            ["scenario_yaml"] = composed,
            ["comparison"] = Comparison(root["votes"]!.AsArray()),
            ["election_comparison"] = ElectionComparison(root["elections"]!.AsArray()),
            ["run"] = root,
        };
        timing.Mark("json");
        byte[] utf8 = JsonSerializer.SerializeToUtf8Bytes(answer, AnswerJson);
        timing.Mark("serialise");
        context.Response.Headers[ServerTiming.HeaderName] = timing.HeaderValue();
        return Results.Bytes(utf8, "application/json; charset=utf-8");
    }

    /// <summary>The what-if request, or the problem with it.</summary>
    private static (WhatIfRequest? Request, IResult? Problem) ReadWhatIf(byte[] bytes)
    {
        WhatIfRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<WhatIfRequest>(bytes, WhatIfRequest.JsonOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return (null, ServerProblems.Refused("json", "The request is not valid JSON", $"{e.Message}; send {{\"scenario\": \"...YAML...\", \"changes\": {{...}}}}"));
        }

        if (request?.Scenario is not { Length: > 0 })
        {
            return (null, ServerProblems.Refused("json", "No scenario", "give the scenario's YAML text as \"scenario\""));
        }

        if (request.Changes?.FirstOrDefault(kv => kv.Key is "name" or "description") is { Key: { } reserved })
        {
            return (null, ServerProblems.Refused("json", "A reserved key in the changes", $"\"changes\" may not set '{reserved}': the variant is called {WhatIfScenario.VariantName}; give a \"description\" beside \"changes\""));
        }

        return request.Trials is < 1
            ? (null, ServerProblems.Refused("trials", "Too few trials", "\"trials\" must be at least 1"))
            : (request, null);
    }

    /// <summary>Per vote of the what-if: its P(adopted) beside the baseline's, with the paired difference.</summary>
    private static JsonArray Comparison(JsonArray votes)
    {
        var rows = votes.OfType<JsonObject>().ToArray();
        var comparison = new JsonArray();
        foreach (var row in rows.Where(r => (string?)r["variant"] == WhatIfScenario.VariantName))
        {
            string? vote = (string?)row["vote_id"];
            var base0 = rows.First(r => (string?)r["variant"] == "baseline" && (string?)r["vote_id"] == vote);
            comparison.Add(new JsonObject
            {
                ["vote_id"] = vote,
                ["baseline_p_adopted"] = base0["p_adopted"]?.DeepClone(),
                ["baseline_p_adopted_se"] = base0["p_adopted_se"]?.DeepClone(),
                ["p_adopted"] = row["p_adopted"]?.DeepClone(),
                ["p_adopted_se"] = row["p_adopted_se"]?.DeepClone(),
                ["diff_vs_baseline"] = row["diff_vs_baseline"]?.DeepClone(),
                ["diff_se_paired"] = row["diff_se_paired"]?.DeepClone(),
                ["diff_se_unpaired"] = row["diff_se_unpaired"]?.DeepClone(),
            });
        }

        return comparison;
    }

    /// <summary>
    /// Per election and candidate of the what-if: its P(elected) beside the baseline's, the difference and its standard
    /// error as if the two were independent (the election tables keep no per-trial pairs, so no paired error).
    /// </summary>
    private static JsonArray ElectionComparison(JsonArray elections)
    {
        var rows = elections.OfType<JsonObject>().ToArray();
        var comparison = new JsonArray();
        foreach (var row in rows.Where(r => (string?)r["variant"] == WhatIfScenario.VariantName))
        {
            string? election = (string?)row["election_id"], candidate = (string?)row["candidate"];
            var base0 = rows.First(r => (string?)r["variant"] == "baseline" && (string?)r["election_id"] == election && (string?)r["candidate"] == candidate);
            double? p = (double?)row["p_elected"], p0 = (double?)base0["p_elected"];
            double? se = (double?)row["p_elected_se"], se0 = (double?)base0["p_elected_se"];
            comparison.Add(new JsonObject
            {
                ["election_id"] = election,
                ["seat_group"] = row["seat_group"]?.DeepClone(),
                ["seats"] = row["seats"]?.DeepClone(),
                ["candidate"] = candidate,
                ["name"] = row["name"]?.DeepClone(),
                ["baseline_p_elected"] = p0,
                ["baseline_p_elected_se"] = se0,
                ["p_elected"] = p,
                ["p_elected_se"] = se,
                ["diff_vs_baseline"] = p - p0,
                ["diff_se_unpaired"] = se is { } a && se0 is { } b ? Math.Sqrt((a * a) + (b * b)) : null,
            });
        }

        return comparison;
    }

    /// <summary>Runs a loaded scenario, or says why not (its errors, the server's limits, improbable announced votes).</summary>
    private static async Task<(EvaluatedRun? Run, IResult? Problem)> EvaluateAsync(ScenarioLoadResult loaded, string? composed, ScenarioEvaluator evaluator, Func<ScenarioLoadResult, Task<EvaluatedRun>> evaluate)
    {
        if (!loaded.Succeeded)
        {
            return (null, ServerProblems.Scenario(loaded.Diagnostics, composed));
        }

        if (evaluator.Refusal(loaded) is { } refusal)
        {
            return (null, ServerProblems.Refused("limits", "The server will not run this scenario", refusal));
        }

        try
        {
            return (await evaluate(loaded).ConfigureAwait(false), null);
        }
        catch (GivenVotesImprobableException e)
        {
            return (null, ServerProblems.Refused("improbable-given", "The announced votes are all but impossible under the model", e.Message));
        }
    }
}
