using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Power;

/// <summary>The <c>stemsim power</c> command: exact voting power of Security Council models.</summary>
internal sealed class PowerCommand(PowerService power) : ICliCommand
{
    public Command Build()
    {
        var council = new Option<string[]>("--council", "-c")
        {
            Description = "A built-in council (current, g4, au-ezulwini, ufc, veto-two-to-block, veto-restraint), 'all', or a council file (.yaml); repeat for several. Default: all built-in models.",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Folder that receives power.parquet (default: runs/power)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing power.parquet in the folder." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var format = OutputFormats.Option();
        var command = new Command("power", """
            Exact a priori voting power (Shapley-Shubik, raw and normalized Banzhaf) of Security Council models; writes power.parquet.

            Examples:
              stemsim power
              stemsim power --council current --council g4 --out runs/power
              stemsim power --council councils/g4-quota-15.yaml --out runs/g4-15
              stemsim power --council current --format csv --force > power.csv
            """)
        {
            council, output, force, quiet, format,
        };
        command.SetAction((parse, cancellationToken) => power.RunAsync(
            new PowerRequest
            {
                Councils = parse.GetValue(council) ?? [],
                OutputFolder = parse.GetValue(output),
                Force = parse.GetValue(force),
                Quiet = parse.GetValue(quiet),
                Format = parse.GetValue(format),
            },
            cancellationToken));
        return command;
    }
}
