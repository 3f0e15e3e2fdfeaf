using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// Builds the what-if server: ASP.NET Core on the Generic Host, configured like the rest of the tool (STEMSIM_
/// environment variables, warnings on standard error), with the limits of <see cref="ServeOptions"/>.
/// </summary>
internal static class ServerApp
{
    /// <summary>The server, not started. <paramref name="configure"/> lets tests swap Kestrel for a test server.</summary>
    public static WebApplication Build(ServeOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddEnvironmentVariables("STEMSIM_");
        ConfigureLogging(builder);
        ConfigureKestrel(builder, options);
        AddServices(builder.Services, options);
        AddLimits(builder.Services, options);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(SecurityHeaders.Add);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!options.AllowRemote)
        {
            app.UseHostFiltering();
        }

        app.UseRouting();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.MapOpenApi("/openapi/v1.json");
        ScenarioEndpoints.Map(app);
        ReferenceEndpoints.Map(app);
        PageEndpoints.Map(app);
        return app;
    }

    /// <summary>Warnings and errors on standard error, one line each, as the rest of the tool writes them.</summary>
    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A request stopped at its time limit is answered with 408; it is not a warning for whoever runs the server.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Timeouts", LogLevel.Error);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(400));
    }

    /// <summary>Kestrel on the address asked for, without a Server header, with the body size cap.</summary>
    private static void ConfigureKestrel(WebApplicationBuilder builder, ServeOptions options) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });

    /// <summary>The evaluator, the shipped scenarios, JSON in snake_case, problem details, the OpenAPI document and host filtering.</summary>
    private static void AddServices(IServiceCollection services, ServeOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ScenarioEvaluator>();
        services.AddSingleton<ShippedScenarios>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "stemsim serve";
            document.Info.Description = "The what-if explorer's API: validate and run scenarios, run what-ifs on common random numbers, list members, groups and analog roll calls. Limits: docs/serve.md.";
            return Task.CompletedTask;
        }));
        if (!options.AllowRemote)
        {
            // A page elsewhere cannot reach the server through a name that resolves to this machine (DNS rebinding).
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]"]);
        }
    }

    /// <summary>The concurrency limit of the simulations (429 past it) and the time limit of every request (408).</summary>
    private static void AddLimits(IServiceCollection services, ServeOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddConcurrencyLimiter(ScenarioEndpoints.SimulationPolicy, c =>
            {
                c.PermitLimit = Math.Max(1, options.ConcurrentRuns);
                c.QueueLimit = Math.Max(0, options.QueuedRuns);
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await ServerProblems.Refused(
                        "busy", "Too many simulations at once",
                        $"{options.ConcurrentRuns} simulations are running and {options.QueuedRuns} waiting; try again in a moment",
                        StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
        });
        services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.Timeout,
            TimeoutStatusCode = StatusCodes.Status408RequestTimeout,
            WriteTimeoutResponse = context => ServerProblems.Refused(
                    "timeout", "The request took too long", $"a request may take at most {options.Timeout.TotalSeconds:0} s; its simulation was stopped. Ask fewer trials.",
                    StatusCodes.Status408RequestTimeout)
                .ExecuteAsync(context),
        });
    }

    /// <summary>Loads what every request needs once, before the address is printed: reference data, calibration, groups.</summary>
    public static void Warm()
    {
        _ = ReferenceCatalog.Embedded;
        _ = MemberGroups.Embedded;
    }
}
