using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Serving;

/// <summary>The <c>stemsim serve</c> command: the what-if explorer.</summary>
internal sealed class ServeCommand(ServeService serve) : ICliCommand
{
    public Command Build()
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = $"TCP port (default {ServeOptions.DefaultPort}; 0 takes any free port and prints it).",
            DefaultValueFactory = _ => ServeOptions.DefaultPort,
            CustomParser = r => (int)(OptionErrors.WholeNumber(r, 0, 65_535) ?? 0),
        };
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on: 127.0.0.1 (default), ::1 or localhost; any other address needs --allow-remote.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow --host to be an address other machines reach. The server has no login: anyone who reaches it can run simulations." };
        var command = new Command("serve", """
            Serve the what-if explorer: a page where you open a scenario, move members and blocs on a world map,
            mark co-sponsors, and see P(adopted) move beside the baseline with its paired difference. It also
            answers a JSON API (OpenAPI document at /openapi/v1.json; docs/serve.md). Nothing is written to disk;
            the reference data and calibration are loaded once. Ctrl+C stops it (exit code 130).

            Examples:
              stemsim serve
              stemsim serve --port 8080
            """)
        {
            port, host, allowRemote,
        };
        command.SetAction((parse, cancellationToken) => serve.RunAsync(
            new ServeOptions { Port = parse.GetValue(port), Host = parse.GetValue(host)!, AllowRemote = parse.GetValue(allowRemote) },
            cancellationToken));
        return command;
    }
}
