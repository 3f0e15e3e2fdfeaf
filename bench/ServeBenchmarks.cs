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
/// whole answer read; the median and 95th percentile are the targets (bench/README.md).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class ServeBenchmarks : IDisposable
{
    private WebApplication _server = null!;
    private HttpClient _client = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        ServerApp.Warm();
        _server = ServerApp.Build(new ServeOptions { Port = 0 });
        _server.StartAsync().GetAwaiter().GetResult();
        _client = new HttpClient { BaseAddress = new Uri(_server.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        string scenario = File.ReadAllText(Path.Combine(Workloads.RepositoryRoot, "scenarios", "ga-territorial-integrity-2026.yaml"));
        var request = new JsonObject
        {
            ["scenario"] = scenario,
            ["trials"] = 100_000,
            ["changes"] = new JsonObject { ["blocs"] = new JsonObject { ["AFRICAN_GROUP"] = new JsonObject { ["shift"] = 0.5 } } },
        };
        _body = Encoding.UTF8.GetBytes(request.ToJsonString());
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
    public int WhatIf100kGeneralAssemblyTrials()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = _client.PostAsync("/api/whatif", content).GetAwaiter().GetResult();
        string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the server answered {(int)response.StatusCode}: {text}");
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
