using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner;

/// <summary>Entry point of the <c>stemsim</c> tool.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var host = BuildHost(ConsoleStreams.System());
        var cli = host.Services.GetRequiredService<StemsimCli>().Build();
        var parse = cli.Parse(args);
        var invocation = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = true,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(1),
        };
        int code = await parse.InvokeAsync(invocation).ConfigureAwait(false);
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
        builder.Services.AddSingleton<Power.PowerService>().AddSingleton<Power.PowerCommand>();
        builder.Services.AddSingleton<Calibration.CalibrationService>();
        builder.Services.AddSingleton<CalibrateCommand>();
        builder.Services.AddSingleton<VetoRecord.VetoRecordService>().AddSingleton<VetoRecord.VetoRecordCommand>();
        builder.Services.AddSingleton<Backtesting.BacktestService>();
        builder.Services.AddSingleton<BacktestCommand>();
        builder.Services.AddSingleton<DriftBacktesting.DriftBacktestService>().AddSingleton<DriftBacktesting.DriftBacktestCommand>();
        return builder.Build();
    }
}
