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
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(SimulationPolicy);
        api.MapPost("/whatif", WhatIfAsync)
            .WithSummary("Run a scenario with one variant of changes (members, blocs, cosponsors, outreach) on common random numbers")
            .WithDescription("Body: {\"scenario\": YAML text, \"changes\": the keys of a scenario variant, \"description\": optional, \"trials\": optional}. "
                + "The answer holds the scenario YAML that was run (stemsim run reproduces it), the what-if's P(adopted) beside the baseline's with the paired difference, and the run.")
            .Accepts<WhatIfRequest>("application/json")
            .Produces<JsonObject>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
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
            ["warnings"] = Warnings(loaded),
        });
    }

    private static async Task<IResult> RunAsync(HttpContext context, ServeOptions options, ScenarioEvaluator evaluator)
    {
        var (bytes, problem) = await RequestBody.ReadAsync(context, options.MaxBodyBytes, RequestBody.ScenarioTypes).ConfigureAwait(false);
        if (bytes is null)
        {
            return problem!;
        }

        var loaded = ScenarioEvaluator.Load(bytes);
        return await RunLoadedAsync(loaded, null, evaluator, context.RequestAborted).ConfigureAwait(false) is var (root, refused) && refused is null
            ? Results.Json(root)
            : refused!;
    }

    private static async Task<IResult> WhatIfAsync(HttpContext context, ServeOptions options, ScenarioEvaluator evaluator)
    {
        var (bytes, problem) = await RequestBody.ReadAsync(context, options.MaxBodyBytes, RequestBody.JsonTypes).ConfigureAwait(false);
        if (bytes is null)
        {
            return problem!;
        }

        WhatIfRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<WhatIfRequest>(bytes, WhatIfRequest.JsonOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return ServerProblems.Refused("json", "The request is not valid JSON", $"{e.Message}; send {{\"scenario\": \"...YAML...\", \"changes\": {{...}}}}");
        }

        if (request?.Scenario is not { Length: > 0 } scenario)
        {
            return ServerProblems.Refused("json", "No scenario", "give the scenario's YAML text as \"scenario\"");
        }

        if (request.Changes?.FirstOrDefault(kv => kv.Key is "name" or "description") is { Key: { } reserved })
        {
            return ServerProblems.Refused("json", "A reserved key in the changes", $"\"changes\" may not set '{reserved}': the variant is called {WhatIfScenario.VariantName}; give a \"description\" beside \"changes\"");
        }

        if (request.Trials is < 1)
        {
            return ServerProblems.Refused("trials", "Too few trials", "\"trials\" must be at least 1");
        }

        var baseline = ScenarioEvaluator.Load(Encoding.UTF8.GetBytes(scenario));
        if (!baseline.Succeeded)
        {
            return ServerProblems.Scenario(baseline.Diagnostics);
        }

        string composed = WhatIfScenario.Compose(scenario, request.Changes, request.Description, request.Trials);
        var loaded = ScenarioEvaluator.Load(Encoding.UTF8.GetBytes(composed));
        var (root, refused) = await RunLoadedAsync(loaded, composed, evaluator, context.RequestAborted).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var rows = root!["votes"]!.AsArray().OfType<JsonObject>().ToArray();
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

        return Results.Json(new JsonObject
        {
            ["scenario_yaml"] = composed,
            ["comparison"] = comparison,
            ["run"] = root,
        });
    }

    /// <summary>Runs a loaded scenario, or says why not (its errors, the server's limits, improbable announced votes).</summary>
    private static async Task<(JsonObject? Root, IResult? Problem)> RunLoadedAsync(ScenarioLoadResult loaded, string? composed, ScenarioEvaluator evaluator, CancellationToken cancellationToken)
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
            return (await evaluator.RunAsync(loaded, cancellationToken).ConfigureAwait(false), null);
        }
        catch (GivenVotesImprobableException e)
        {
            return (null, ServerProblems.Refused("improbable-given", "The announced votes are all but impossible under the model", e.Message));
        }
    }

    private static JsonArray Warnings(ScenarioLoadResult loaded) =>
        new([.. loaded.Warnings.Select(w => (JsonNode)new JsonObject { ["line"] = w.Location.Line, ["column"] = w.Location.Column, ["message"] = w.Message })]);
}
