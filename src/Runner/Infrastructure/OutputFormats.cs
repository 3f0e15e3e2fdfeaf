using System.CommandLine;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>The <c>--format</c> option, the same on every command that prints a table.</summary>
internal static class OutputFormats
{
    /// <summary>A new <c>--format table|csv|json</c> option; <paramref name="detail"/> says what the command adds to CSV/JSON.</summary>
    public static Option<OutputFormat> Option(string? detail = null) => new("--format")
    {
        Description = $"table (default; box drawing only on a terminal), csv or json ({(detail is null ? string.Empty : detail + "; ")}nothing else on standard output).",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}
