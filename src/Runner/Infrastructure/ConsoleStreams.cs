using Spectre.Console;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>Where the tool talks: results on standard output, errors and progress on standard error.</summary>
internal sealed class ConsoleStreams
{
    private readonly Lazy<IAnsiConsole> _errorConsole;

    /// <summary>Streams with every console given.</summary>
    /// <param name="out">Standard output (results), as a Spectre console.</param>
    /// <param name="error">Standard error (messages).</param>
    /// <param name="errorConsole">Standard error as a Spectre console (progress bars).</param>
    /// <param name="errorIsTerminal">Whether standard error is an interactive terminal.</param>
    public ConsoleStreams(IAnsiConsole @out, TextWriter error, IAnsiConsole errorConsole, bool errorIsTerminal)
        : this(@out, error, new Lazy<IAnsiConsole>(errorConsole), errorIsTerminal)
    {
    }

    private ConsoleStreams(IAnsiConsole @out, TextWriter error, Lazy<IAnsiConsole> errorConsole, bool errorIsTerminal)
    {
        Out = @out;
        Error = error;
        _errorConsole = errorConsole;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Standard output (results), as a Spectre console.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Standard error (messages).</summary>
    public TextWriter Error { get; }

    /// <summary>Standard error as a Spectre console (progress bars).</summary>
    public IAnsiConsole ErrorConsole => _errorConsole.Value;

    /// <summary>Whether standard error is an interactive terminal.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>
    /// The process's own streams. Standard error's Spectre console is made when first used: only progress bars need
    /// it, and detecting a console's capabilities is a fixed cost that <c>validate</c> and a quiet run would pay for nothing.
    /// </summary>
    public static ConsoleStreams System()
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = 200;
        }

        var error = new Lazy<IAnsiConsole>(static () => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), LazyThreadSafetyMode.ExecutionAndPublication);
        return new ConsoleStreams(output, new VisibleTextWriter(Console.Error), error, !Console.IsErrorRedirected);
    }
}
