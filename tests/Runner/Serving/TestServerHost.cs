using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using StemSimulator.Runner.Serving;

namespace StemSimulator.Tests.Runner.Serving;

/// <summary>The real what-if server (<see cref="ServerApp.Build"/>) on an in-memory test server, with its own limits.</summary>
internal sealed class TestServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServerHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<TestServerHost> StartAsync(ServeOptions? options = null)
    {
        var app = ServerApp.Build(options ?? new ServeOptions(), builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        return new TestServerHost(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
