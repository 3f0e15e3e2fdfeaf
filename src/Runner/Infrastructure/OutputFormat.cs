namespace StemSimulator.Runner.Infrastructure;

/// <summary>How a command that prints a table prints it (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>A table for people: box drawing on a terminal, ASCII rules when piped; numbers never split.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row, nothing else on standard output.</summary>
    Csv,

    /// <summary>A JSON array of objects keyed by column name (numbers as numbers), nothing else on standard output.</summary>
    Json,
}
