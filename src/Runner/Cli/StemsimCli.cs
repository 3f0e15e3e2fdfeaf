using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner.Cli;

/// <summary>The <c>stemsim</c> command line: its commands, options and help.</summary>
internal sealed class StemsimCli(IServiceProvider services)
{
    public RootCommand Build()
    {
        var root = new RootCommand("StemSimulator: Monte Carlo scenarios for votes in the UN General Assembly and Security Council.");
        root.Subcommands.Add(services.GetRequiredService<RunCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Merging.MergeCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Lobbying.LobbyCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Power.PowerCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<CalibrateCommand>().Create());
        root.Subcommands.Add(services.GetRequiredService<VetoRecord.VetoRecordCommand>().Create());
        root.Subcommands.Add(services.GetRequiredService<BacktestCommand>().Create());
        root.Subcommands.Add(services.GetRequiredService<DriftBacktesting.DriftBacktestCommand>().Create());
        return root;
    }
}
