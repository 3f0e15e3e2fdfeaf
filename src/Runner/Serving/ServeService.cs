using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Serving;

/// <summary>Starts the what-if server, prints its address, and serves until Ctrl+C (exit code 130).</summary>
internal sealed class ServeService(ConsoleStreams console)
{
    public async Task<int> RunAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        if (Problem(options) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        if (options.AllowRemote && !IsLoopback(options.Host))
        {
            console.Error.WriteLine($"warning: listening on {options.Host}: anyone who can reach this machine on port {options.Port} can run simulations here (the server has no login). Stop it with Ctrl+C when done.");
        }

        ServerApp.Warm();
        await using var app = ServerApp.Build(options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"error: cannot listen on {options.Host} port {options.Port}: {e.Message} (another program may use it: try --port)");
            return ExitCodes.RuntimeFailure;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }

        string address = app.Urls.FirstOrDefault() ?? $"http://{options.Host}:{options.Port}";
        var output = console.Out.Profile.Out.Writer;
        output.WriteLine($"stemsim serve: the what-if explorer is at {address.TrimEnd('/')}/ (API: {address.TrimEnd('/')}/openapi/v1.json). Ctrl+C stops it.");
        output.WriteLine($"Limits: {options.DescribeLimits()}.");
        output.Flush();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, SIGTERM or the host stopping: stop serving below.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Interrupted;
    }

    /// <summary>Why the options cannot be served, or null.</summary>
    internal static string? Problem(ServeOptions options)
    {
        bool localhost = string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase);
        if (!localhost && !IPAddress.TryParse(options.Host, out _))
        {
            return $"--host must be an IP address (127.0.0.1, ::1, 0.0.0.0) or localhost, not '{options.Host}'";
        }

        return !IsLoopback(options.Host) && !options.AllowRemote
            ? $"--host {options.Host} lets other machines reach the server, which has no login; add --allow-remote to mean it"
            : null;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
