using System.Collections;
using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Running;
using StemSimulator.Runner.Validation;

namespace StemSimulator.Runner.Cli;

/// <summary>
/// The command line of the commands that use nothing of the Generic Host (<c>stemsim --version</c>,
/// <c>stemsim validate</c> and <c>stemsim run</c>): the root command with that one command, its service made directly. Starting the host
/// (configuration, logging, dependency injection) and building every other command is a fixed cost in compiled code
/// that these commands would pay for nothing (most of all the short ones: a validation, a run of a thousand trials).
/// </summary>
/// <remarks>
/// The same command objects as in <see cref="StemsimCli.Build"/>, so their parsing, help, errors and output do not
/// change. When any <c>STEMSIM_</c> environment variable is set, the full host is started as before, so that an
/// invalid configuration is reported the same way by every command.
/// </remarks>
internal static class HostlessCli
{
    /// <summary>The prefix of the environment variables the host reads as configuration.</summary>
    internal const string ConfigurationPrefix = "STEMSIM_";

    /// <summary>
    /// The command line for <paramref name="args"/> without the host, or null when the command needs the host (every
    /// command but <c>--version</c>, <c>validate</c> and <c>run</c>, or any command when a <c>STEMSIM_</c> variable is set).
    /// </summary>
    /// <param name="args">The process's arguments, as given.</param>
    /// <param name="console">Makes the process's streams (not needed for <c>--version</c>).</param>
    /// <param name="environment">The environment variables (<see cref="Environment.GetEnvironmentVariables()"/>).</param>
    public static RootCommand? Build(IReadOnlyList<string> args, Func<ConsoleStreams> console, IDictionary environment)
    {
        if (Configured(environment))
        {
            return null;
        }

        switch (args.Count > 0 ? args[0] : null)
        {
            case "--version" when args.Count == 1:
                return StemsimCli.Root();
            case "validate":
                return WithCommand(new ValidateCommand(new ValidateService(console())));
            case "run":
                // The run's one log message is at Information, which only a STEMSIM_ variable can make visible.
                return WithCommand(new RunCommand(new RunService(console(), TimeProvider.System, NullLogger<RunService>.Instance)));
            default:
                return null;
        }
    }

    private static RootCommand WithCommand(ICliCommand command)
    {
        var root = StemsimCli.Root();
        root.Subcommands.Add(command.Build());
        return root;
    }

    private static bool Configured(IDictionary environment)
    {
        foreach (DictionaryEntry variable in environment)
        {
            if (variable.Key is string name && name.StartsWith(ConfigurationPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
