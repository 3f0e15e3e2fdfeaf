using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StemSimulator.Runner.Backtesting;
using StemSimulator.Runner.Calibration;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner.Cli;

/// <summary>The <c>stemsim</c> command line: its commands, options and help.</summary>
internal sealed class StemsimCli(IServiceProvider services)
{
    public RootCommand Build()
    {
        var root = Root();
        root.Subcommands.Add(services.GetRequiredService<RunCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Reporting.ReportCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Validation.ValidateCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Merging.MergeCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Lobbying.LobbyCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Power.PowerCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<CalibrateCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<VetoRecord.VetoRecordCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Members.MembersCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Analogs.AnalogsCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Schema.SchemaCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<BacktestCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<DriftBacktesting.DriftBacktestCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<Serving.ServeCommand>().Build());
        return root;
    }

    /// <summary>
    /// The root command alone, without its subcommands: its description (the help's first page) and the built-in
    /// <c>--help</c> and <c>--version</c>. <see cref="Build"/> adds every command to it; <see cref="HostlessCli"/> only
    /// the one a short command needs.
    /// </summary>
    public static RootCommand Root() => new("""
            StemSimulator: Monte Carlo scenarios for votes in the UN General Assembly and Security Council.

            From a scenario to a briefing in three commands:
              stemsim run scenarios/ga-hrc-suspension-2026.yaml
              stemsim report runs/ga-hrc-suspension-2026
              xdg-open runs/ga-hrc-suspension-2026/briefing.html     (open on macOS, start on Windows)

            Exit codes: 0 success, 1 runtime failure, 2 invalid input (nothing run or written), 130 interrupted.
            'stemsim COMMAND --help' explains each command with examples.
            """);
}
