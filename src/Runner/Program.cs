using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Backtesting;
using StemSimulator.Runner.Calibration;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner;

/// <summary>Entry point of the <c>stemsim</c> tool.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // First of all: a signal in the first moments (while the host starts) must also mean 130, not 143.
        using var interruption = new Interruption(Console.Error);
        Preloading.Start(args);
        try
        {
            return await RunAsync(args, interruption).ConfigureAwait(false);
        }
        catch (Exception e) when (LowMemory(e))
        {
            // Low memory (ulimit -v) shows up as an allocation or an assembly that cannot be mapped: not a bug.
            TemporaryOutputs.RemoveAll();
            await Console.Error.WriteLineAsync($"error: not enough memory to run stemsim ({e.GetType().Name}: {FirstLine(e.Message)}); nothing was written").ConfigureAwait(false);
            return ExitCodes.RuntimeFailure;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>
    /// Whether <paramref name="e"/>, or what it wraps (a type initializer that could not load an assembly), is low
    /// memory: an allocation that failed, or an assembly of the runtime that could not be mapped (ulimit -v shows up so).
    /// </summary>
    private static bool LowMemory(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is OutOfMemoryException or InsufficientExecutionStackException
                or FileNotFoundException { FileName: not null } or FileLoadException or BadImageFormatException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The simple name of the assembly that <paramref name="e"/>, or what it wraps, could not load; else null.</summary>
    private static string? UnloadableAssembly(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            string? name = e switch
            {
                FileNotFoundException { FileName: { } file } when file.Contains("Version=", StringComparison.Ordinal) => file,
                FileLoadException { FileName: { } file } => file,
                _ => null,
            };
            if (name is not null)
            {
                return name.Split(',', 2)[0];
            }
        }

        return null;
    }

    /// <summary>The failure of a run conditioned on nearly impossible announced votes, however the workers wrapped it; else null.</summary>
    private static GivenVotesImprobableException? ImprobableGiven(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is GivenVotesImprobableException given)
            {
                return given;
            }
        }

        return null;
    }

    private static async Task<int> RunAsync(string[] args, Interruption interruption)
    {
        // Made when first needed: --version prints through System.CommandLine and never needs Spectre's consoles.
        var streams = new Lazy<ConsoleStreams>(ConsoleStreams.System);
        IHost? host = null;
        // --version, validate and run need nothing of the host: without it they start faster, with the same output.
        if (HostlessCli.Build(args, () => streams.Value, Environment.GetEnvironmentVariables()) is not { } cli)
        {
            if ((host = StartHost(streams.Value)) is null)
            {
                return ExitCodes.RuntimeFailure;
            }

            cli = host.Services.GetRequiredService<StemsimCli>().Build();
        }

        using var hostLifetime = host;
        var parse = cli.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per error naming the option and what it may be; not the whole help.
            return OptionErrors.Report(parse, streams.Value.Error);
        }

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
        catch (Exception e)
        {
            return Failed(e, streams.Value.Error);
        }

        if (interruption.Signalled && code != ExitCodes.Success)
        {
            TemporaryOutputs.RemoveAll();
            return ExitCodes.Interrupted;
        }

        return code;
    }

    /// <summary>The host with its logger factory made, or null after printing why the configuration is invalid.</summary>
    private static IHost? StartHost(ConsoleStreams console)
    {
        try
        {
            var host = BuildHost(console);
            _ = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("stemsim");
            return host;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // A bad STEMSIM_ environment variable (say STEMSIM_Logging__LogLevel__Default=loud): one line, exit 1.
            console.Error.WriteLine($"error: invalid configuration in the STEMSIM_ environment variables: {FirstLine(e.InnerException?.Message ?? e.Message)}");
            return null;
        }
    }

    /// <summary>
    /// A command that failed without an interruption: one line on standard error saying whose the fault is (the
    /// input, the machine, or a bug with its stack trace), the temporary outputs removed unless everything was
    /// written, and the exit code.
    /// </summary>
    private static int Failed(Exception e, TextWriter error)
    {
        if (e is OutputRefusedException)
        {
            TemporaryOutputs.RemoveAll();
            error.WriteLine($"error: {e.Message}; nothing was replaced");
            return ExitCodes.InvalidInput;
        }

        if (ImprobableGiven(e) is { } given)
        {
            // The input, not the tool: announced votes the model all but rules out.
            TemporaryOutputs.RemoveAll();
            error.WriteLine($"error: {given.Message}; nothing was written");
            return ExitCodes.InvalidInput;
        }

        if (UnloadableAssembly(e) is { } assembly)
        {
            // A FileNotFoundException is an IOException, but a framework assembly that cannot be mapped is the memory
            // limit (ulimit -v) or a damaged installation, not the run's files.
            TemporaryOutputs.RemoveAll();
            error.WriteLine($"error: not enough memory to load {assembly} (or a damaged .NET installation); the temporary output was removed");
            return ExitCodes.RuntimeFailure;
        }

        if (e is IOException or UnauthorizedAccessException)
        {
            return MachineFailed(e, error);
        }

        if (LowMemory(e))
        {
            TemporaryOutputs.RemoveAll();
            error.WriteLine($"error: not enough memory ({e.GetType().Name}); the temporary output was removed: ask fewer trials or free memory");
            return ExitCodes.RuntimeFailure;
        }

        // A bug: the stack trace is what a report of it needs.
        TemporaryOutputs.RemoveAll();
        error.WriteLine($"internal error (please report it): {e}");
        return ExitCodes.RuntimeFailure;
    }

    /// <summary>An input or output error of the machine (a full disk, a folder removed or made read-only, standard output closed).</summary>
    private static int MachineFailed(Exception e, TextWriter error)
    {
        if (TemporaryOutputs.Completed.Count > 0)
        {
            // Everything was written and moved into place; only printing the summary failed (stdout closed or full).
            error.WriteLine($"error: cannot write to standard output: {e.Message}; the output is complete: {string.Join(", ", TemporaryOutputs.Completed)}");
            return ExitCodes.RuntimeFailure;
        }

        // The machine, not the input nor the tool: a full disk, a folder removed or made read-only under the run.
        TemporaryOutputs.RemoveAll();
        error.WriteLine($"error: {e.Message}; the temporary output was removed");
        return ExitCodes.RuntimeFailure;
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
        builder.Services.AddSingleton<Analogs.AnalogsService>().AddSingleton<Analogs.AnalogsCommand>();
        builder.Services.AddSingleton<Schema.SchemaCommand>();
        builder.Services.AddSingleton<Power.PowerService>().AddSingleton<Power.PowerCommand>();
        builder.Services.AddSingleton<Calibration.CalibrationService>();
        builder.Services.AddSingleton<CalibrateCommand>();
        builder.Services.AddSingleton<VetoRecord.VetoRecordService>().AddSingleton<VetoRecord.VetoRecordCommand>();
        builder.Services.AddSingleton<Backtesting.BacktestService>().AddSingleton<Backtesting.ConcernedPartyBacktestService>().AddSingleton<Backtesting.AnalogSpreadBacktestService>().AddSingleton<Backtesting.AnalogRevealBacktestService>();
        builder.Services.AddSingleton<BacktestCommand>();
        builder.Services.AddSingleton<CouncilBacktesting.CouncilBacktestService>();
        builder.Services.AddSingleton<Backtesting.EvidenceBacktestService>();
        builder.Services.AddSingleton<DriftBacktesting.DriftBacktestService>().AddSingleton<DriftBacktesting.DriftBacktestCommand>();
        builder.Services.AddSingleton<Serving.ServeService>().AddSingleton<Serving.ServeCommand>();
        return builder.Build();
    }
}
