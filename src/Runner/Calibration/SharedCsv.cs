using System.Globalization;
using System.Text;
using StemSimulator.Engine.Calibration;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Reads the shared data's CSV files by column name: each row's picked fields, with the rows that cannot be read
/// (a quoting fault, the wrong number of fields) reported at their file and line and left out.
/// </summary>
internal static class SharedCsv
{
    /// <summary>The rows of a UTF-8 file with the named columns picked out, in the order given.</summary>
    public static IEnumerable<CsvRow> Rows(string file, DataProblems problems, params string[] columns) => Rows(file, problems, null, null, columns);

    /// <summary>
    /// The rows of a CSV file with the named columns picked out (in the order given); a row with the wrong number of
    /// fields or a quoting fault is reported and skipped. With <paramref name="skip"/>, the leading rows it accepts
    /// are passed over without being read (<see cref="CsvPrefix"/>): the caller must have done with them whatever it
    /// needs and reported what it would have.
    /// </summary>
    /// <exception cref="InvalidDataException">A named column is missing from the header.</exception>
    public static IEnumerable<CsvRow> Rows(string file, DataProblems problems, Encoding? encoding, SkippableRow? skip, params string[] columns)
    {
        string name = DisplayName(file);
        var reader = new CsvRecordReader(file, encoding);
        try
        {
            if (!reader.Read(out _))
            {
                problems.Report(name, 1, "the file is empty");
                yield break;
            }

            int headerLength = reader.Fields.Count;
            var index = ColumnIndexes(name, reader.Fields, columns);
            if (skip is not null && CsvPrefix.Skip(file, index, skip) is { } start)
            {
                reader.Dispose();
                reader = new CsvRecordReader(file, encoding, start.Offset, start.Line);
            }

            var values = new string[columns.Length];
            while (reader.Read(out var problem))
            {
                if (problem is not null || reader.Fields.Count != headerLength)
                {
                    problems.Report(name, reader.RecordLine, problem ?? $"expected {headerLength} fields, found {reader.Fields.Count}");
                    continue;
                }

                for (int c = 0; c < columns.Length; c++)
                {
                    values[c] = reader.Fields[index[c]];
                }

                yield return new CsvRow(name, reader.RecordLine, values, problems);
            }
        }
        finally
        {
            reader.Dispose();
        }
    }

    /// <summary>The file as messages name it: its folder and name.</summary>
    public static string DisplayName(string file)
    {
        var parent = Path.GetFileName(Path.GetDirectoryName(file)) ?? string.Empty;
        return parent.Length > 0 ? $"{parent}/{Path.GetFileName(file)}" : Path.GetFileName(file);
    }

    private static int[] ColumnIndexes(string name, IReadOnlyList<string> header, string[] columns)
    {
        var fields = header.ToArray();
        var index = new int[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            index[c] = Array.IndexOf(fields, columns[c]);
            if (index[c] < 0)
            {
                throw new InvalidDataException($"{name}:1: column '{columns[c]}' is missing from the header");
            }
        }

        return index;
    }
}

/// <summary>One row's picked fields, with typed parsing and problem reporting at its file and line.</summary>
internal readonly struct CsvRow(string file, int line, string[] values, DataProblems problems)
{
    /// <summary>The picked field <paramref name="index"/> as read.</summary>
    public string this[int index] => values[index];

    /// <summary>The line the row starts on (1-based).</summary>
    public int Line => line;

    /// <summary>The field as an integer, or null.</summary>
    public int? Int(int index) =>
        int.TryParse(values[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null;

    /// <summary>The field as a finite number, or null.</summary>
    public double? Double(int index) =>
        double.TryParse(values[index], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;

    /// <summary>The field as an ISO date (yyyy-MM-dd), or null.</summary>
    public DateOnly? Date(int index) =>
        DateOnly.TryParseExact(values[index], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Reports the row as not used, with <paramref name="message"/>.</summary>
    public void Problem(string message) => problems.Report(file, line, message);
}
