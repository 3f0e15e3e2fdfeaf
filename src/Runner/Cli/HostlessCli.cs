using System.Collections;
using System.CommandLine;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Validation;

namespace StemSimulator.Runner.Cli;

/// <summary>
/// The command line of the short commands that use nothing of the Generic Host (<c>stemsim --version</c> and
/// <c>stemsim validate</c>): the root command with that one command, its service made directly. Starting the host
/// (configuration, logging, dependency injection) and building every other command is a fixed cost in compiled code
/// that these commands would pay for nothing.
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
    /// command but <c>--version</c> and <c>validate</c>, or any command when a <c>STEMSIM_</c> variable is set).
    /// </summary>
    /// <param name="args">The process's arguments, as given.</param>
    /// <param name="console">The process's streams.</param>
    /// <param name="environment">The environment variables (<see cref="Environment.GetEnvironmentVariables()"/>).</param>
    public static RootCommand? Build(IReadOnlyList<string> args, ConsoleStreams console, IDictionary environment)
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
                var root = StemsimCli.Root();
                root.Subcommands.Add(new ValidateCommand(new ValidateService(console)).Build());
                return root;
            default:
                return null;
        }
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
