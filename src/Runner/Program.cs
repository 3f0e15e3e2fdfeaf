using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StemSimulator.Runner.Backtesting;
using StemSimulator.Runner.Calibration;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner;

/// <summary>Entry point of the <c>stemsim</c> tool.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var console = ConsoleStreams.System();
        using var interruption = new Interruption(console.Error);
        using var host = BuildHost(console);
        var cli = host.Services.GetRequiredService<StemsimCli>().Build();
        var parse = cli.Parse(args);
        var invocation = new InvocationConfiguration
        {
            // Exceptions are handled below: a full disk is an error message, not a stack trace.
            EnableDefaultExceptionHandler = false,
            // Signals are handled by Interruption (130 for SIGINT and SIGTERM alike, temporary outputs removed).
            ProcessTerminationTimeout = null,
        };
        int code;
        try
        {
            code = await parse.InvokeAsync(invocation, interruption.Token).ConfigureAwait(false);
        }
        catch (Exception) when (interruption.Signalled)
        {
            // Cancelled, or a writer failing as the interruption tears the run down: either way, interrupted.
            code = ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The machine, not the input nor the tool: a full disk, a folder removed or made read-only under the run.
            TemporaryOutputs.RemoveAll();
            console.Error.WriteLine($"error: {e.Message}; the temporary output was removed");
            return ExitCodes.RuntimeFailure;
        }
        catch (Exception e)
        {
            // A bug: the stack trace is what a report of it needs.
            TemporaryOutputs.RemoveAll();
            console.Error.WriteLine($"internal error (please report it): {e}");
            return ExitCodes.RuntimeFailure;
        }

        if (interruption.Signalled && code != ExitCodes.Success)
        {
            TemporaryOutputs.RemoveAll();
            return ExitCodes.Interrupted;
        }

        return parse.Errors.Count > 0 && code != 0 ? ExitCodes.InvalidInput : code;
    }

    /// <summary>
    /// The Generic Host gives configuration (environment variables prefixed STEMSIM_), logging to standard error
    /// (level set by STEMSIM_Logging__LogLevel__Default, warnings by default) and dependency injection. Command-line
    /// arguments belong to System.CommandLine, not to configuration.
    /// </summary>
    internal static IHost BuildHost(ConsoleStreams console)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("STEMSIM_");
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunService>().AddSingleton<RunCommand>();
        builder.Services.AddSingleton<Merging.MergeService>().AddSingleton<Merging.MergeCommand>();
        builder.Services.AddSingleton<Lobbying.LobbyService>().AddSingleton<Lobbying.LobbyCommand>();
        builder.Services.AddSingleton<StemsimCli>();
        builder.Services.AddSingleton<Reporting.ReportService>().AddSingleton<Reporting.ReportCommand>();
        builder.Services.AddSingleton<Validation.ValidateService>().AddSingleton<Validation.ValidateCommand>();
        builder.Services.AddSingleton<Members.MembersService>().AddSingleton<Members.MembersCommand>();
        builder.Services.AddSingleton<Schema.SchemaCommand>();
        builder.Services.AddSingleton<Power.PowerService>().AddSingleton<Power.PowerCommand>();
        builder.Services.AddSingleton<Calibration.CalibrationService>();
        builder.Services.AddSingleton<CalibrateCommand>();
        builder.Services.AddSingleton<VetoRecord.VetoRecordService>().AddSingleton<VetoRecord.VetoRecordCommand>();
        builder.Services.AddSingleton<Backtesting.BacktestService>().AddSingleton<Backtesting.ConcernedPartyBacktestService>();
        builder.Services.AddSingleton<BacktestCommand>();
        builder.Services.AddSingleton<CouncilBacktesting.CouncilBacktestService>();
        builder.Services.AddSingleton<DriftBacktesting.DriftBacktestService>().AddSingleton<DriftBacktesting.DriftBacktestCommand>();
        return builder.Build();
    }
}
