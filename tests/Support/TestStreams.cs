using Spectre.Console.Testing;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Tests.Support;

/// <summary>The tool's console streams captured in memory: standard output as a fixed-width Spectre TestConsole without colour.</summary>
internal sealed class TestStreams
{
    public TestStreams(int width = 120)
    {
        Out = new TestConsole().Width(width);
        Out.Profile.Capabilities.Ansi = false;
        Out.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        ErrorConsole = new TestConsole().Width(width);
        Streams = new ConsoleStreams(Out, Error, ErrorConsole, false);
    }

    public TestConsole Out { get; }

    public StringWriter Error { get; } = new();

    public TestConsole ErrorConsole { get; }

    public ConsoleStreams Streams { get; }
}
