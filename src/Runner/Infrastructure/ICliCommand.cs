using System.CommandLine;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// One <c>stemsim</c> subcommand: the shape every command has. It declares its arguments, options, help and examples
/// and binds them to a request that its service runs; the root command (<c>Cli/StemsimCli</c>) adds each one.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The subcommand with its action set.</summary>
    Command Build();
}
