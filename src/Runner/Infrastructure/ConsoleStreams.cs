using Spectre.Console;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>Where the tool talks: results on standard output, errors and progress on standard error.</summary>
/// <param name="Out">Standard output (results), as a Spectre console.</param>
/// <param name="Error">Standard error (messages).</param>
/// <param name="ErrorConsole">Standard error as a Spectre console (progress bars).</param>
/// <param name="ErrorIsTerminal">Whether standard error is an interactive terminal.</param>
internal sealed record ConsoleStreams(IAnsiConsole Out, TextWriter Error, IAnsiConsole ErrorConsole, bool ErrorIsTerminal)
{
    /// <summary>The process's own streams.</summary>
    public static ConsoleStreams System()
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = 200;
        }

        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new ConsoleStreams(output, Console.Error, error, !Console.IsErrorRedirected);
    }
}
