using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using StemSimulator.Runner.Serving;

namespace StemSimulator.Bench;

/// <summary>
/// The what-if server as a browser uses it: a real <c>stemsim serve</c> (Kestrel on a loopback port, the defaults of
/// <see cref="ServeOptions"/>) answering POST /api/whatif for ga-territorial-integrity-2026 at 100,000 General
/// Assembly trials with one variant (the African Group shifted +0.5), over HTTP. One operation is one request and its
/// whole answer read; the median and 95th percentile are the targets (bench/README.md). As on the page, the
/// what-ifs of one scenario follow each other: the first records the baseline (Setup's warm-up request) and each
/// request after it simulates the variant alone (<see cref="Engine.Simulation.BaselineRecord"/>);
/// <see cref="WhatIfOfANewScenario"/> measures the first what-if of a scenario, baseline included.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class ServeBenchmarks : IDisposable
{
    private WebApplication _server = null!;
    private HttpClient _client = null!;
    private byte[] _body = null!;
    private string _scenario = null!;
    private int _seed;

    /// <summary>
    /// A file to which each answer's Server-Timing header (where the request's time went, phase by phase) is appended as
    /// a line, from <c>STEMSIM_BENCH_SERVER_TIMING</c>; unset, nothing is written. <c>bench/server-timing.py FILE</c>
    /// summarises it.
    /// </summary>
    private static readonly string? TimingsFile = Environment.GetEnvironmentVariable("STEMSIM_BENCH_SERVER_TIMING");

    [GlobalSetup]
    public void Setup()
    {
        ServerApp.Warm();
        _server = ServerApp.Build(new ServeOptions { Port = 0 });
        _server.StartAsync().GetAwaiter().GetResult();
        _client = new HttpClient { BaseAddress = new Uri(_server.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        _scenario = File.ReadAllText(Path.Combine(Workloads.RepositoryRoot, "scenarios", "ga-territorial-integrity-2026.yaml"));
        _body = Body(_scenario);
        // Warm: the first request compiles the handlers and fills the caches the later ones reuse.
        _ = WhatIf100kGeneralAssemblyTrials();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server.StopAsync().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One what-if request, answered whole.</summary>
    [Benchmark]
    public int WhatIf100kGeneralAssemblyTrials() => Post(_body);

    /// <summary>The first what-if of a scenario (a seed not asked before): the baseline simulated and recorded too.</summary>
    [Benchmark]
    public int WhatIfOfANewScenario()
    {
        const string seedLine = "seed: 20260301";
        if (!_scenario.Contains(seedLine, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the scenario no longer says '{seedLine}'; update the benchmark");
        }

        return Post(Body(_scenario.Replace(seedLine, $"seed: {++_seed}", StringComparison.Ordinal)));
    }

    private static byte[] Body(string scenario) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["scenario"] = scenario,
        ["trials"] = 100_000,
        ["changes"] = new JsonObject { ["blocs"] = new JsonObject { ["AFRICAN_GROUP"] = new JsonObject { ["shift"] = 0.5 } } },
    }.ToJsonString());

    private int Post(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = _client.PostAsync("/api/whatif", content).GetAwaiter().GetResult();
        string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the server answered {(int)response.StatusCode}: {text}");
        }

        if (TimingsFile is { Length: > 0 } file && response.Headers.TryGetValues("Server-Timing", out var timing))
        {
            File.AppendAllLines(file, [string.Join(", ", timing)]);
        }

        return text.Length;
    }

    /// <summary>Median and 95th percentile beside the mean.</summary>
    public sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
