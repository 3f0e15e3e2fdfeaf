using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// A table a command prints, in the three <see cref="OutputFormat"/>s: cells are strings, numbers (<see cref="long"/>
/// or <see cref="double"/>, written invariant; a NaN or infinite double is written as null) or null. Number columns never wrap; text columns wrap to the width.
/// </summary>
/// <param name="Columns">Column names (snake_case: the CSV header and the JSON keys).</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
internal sealed record TextTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Text columns that must not wrap either (symbols, dates, codes): a value is read whole or not at all.</summary>
    public IReadOnlySet<string> Atomic { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// How the table for people shows a number column (e.g. six decimals); CSV and JSON always carry the full value
    /// (shortest round-trip form), so rounding for the eye never reaches a script.
    /// </summary>
    public IReadOnlyDictionary<string, Func<double, string>> Display { get; init; } = new Dictionary<string, Func<double, string>>(StringComparer.Ordinal);

    /// <summary>Writes the table to <paramref name="console"/>'s standard output in <paramref name="format"/>.</summary>
    public void Write(ConsoleStreams console, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Table:
                console.Out.Write(ToSpectre(console.Out.Profile.Out.IsTerminal));
                break;
            case OutputFormat.Csv:
                console.Out.Profile.Out.Writer.Write(ToCsv());
                break;
            case OutputFormat.Json:
                console.Out.Profile.Out.Writer.Write(ToJson());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format.");
        }
    }

    /// <summary>The Spectre table: rounded box drawing on a terminal, ASCII rules otherwise.</summary>
    public Table ToSpectre(bool terminal)
    {
        var table = new Table().Border(TableBorders.For(terminal));
        for (int c = 0; c < Columns.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(Columns[c]));
            if (Rows.Count > 0 && Rows.All(r => r[c] is null or long or int or double))
            {
                column.NoWrap().RightAligned();
            }
            else if (Atomic.Contains(Columns[c]))
            {
                column.NoWrap();
            }

            table.AddColumn(column);
        }

        foreach (var row in Rows)
        {
            table.AddRow(row.Select((cell, c) => Markup.Escape(cell is double d && Display.TryGetValue(Columns[c], out var show) ? show(d) : Text(cell))).ToArray());
        }

        return table;
    }

    /// <summary>RFC 4180: a header row, fields quoted when they hold a comma, quote or line break, CRLF-free (\n).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(Quote)).Append('\n');
        foreach (var row in Rows)
        {
            csv.AppendJoin(',', row.Select(cell => Quote(cell is double d ? (double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty) : Text(cell)))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A JSON array of objects, one per row, keyed by column name; numbers as JSON numbers, null as null.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                for (int c = 0; c < Columns.Count; c++)
                {
                    json.WritePropertyName(Columns[c]);
                    switch (row[c])
                    {
                        case null:
                        case double d when !double.IsFinite(d):
                            json.WriteNullValue();
                            break;
                        case int i:
                            json.WriteNumberValue(i);
                            break;
                        case long l:
                            json.WriteNumberValue(l);
                            break;
                        case double d:
                            json.WriteNumberValue(d);
                            break;
                        case var other:
                            json.WriteStringValue(Text(other));
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
