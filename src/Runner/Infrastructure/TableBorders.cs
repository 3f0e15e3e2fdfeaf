using Spectre.Console;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>The border of every table a command prints: box drawing on a terminal, ASCII rules when piped or redirected.</summary>
internal static class TableBorders
{
    public static TableBorder For(IAnsiConsole console) => For(console.Profile.Out.IsTerminal);

    public static TableBorder For(bool terminal) => terminal ? TableBorder.Rounded : TableBorder.Ascii;
}
