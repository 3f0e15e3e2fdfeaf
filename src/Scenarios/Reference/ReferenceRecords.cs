using System.Globalization;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The records of one reference table, one at a time, as the catalog's readers take them: from a stream through
/// <see cref="CsvRecordReader"/> (a user's calibration files, and the tests' independent reading of the embedded tables), or
/// through <see cref="CsvTextReader"/> (the embedded tables: fields read from their spans in a buffer, a string made only
/// for a field that is kept). Both give the same records, lines and problems.
/// </summary>
internal abstract class ReferenceRecords : IDisposable
{
    private ReferenceRecords(string resource) => Resource = resource;

    /// <summary>The resource or file, as messages name it.</summary>
    public string Resource { get; }

    /// <summary>Line on which the current record starts (1-based).</summary>
    public abstract int Line { get; }

    /// <summary>Number of fields of the current record.</summary>
    public abstract int FieldCount { get; }

    /// <summary>Reads records from <paramref name="reader"/> (disposed with these records).</summary>
    public static ReferenceRecords FromReader(TextReader reader, string resource) => new Streamed(reader, resource);

    /// <summary>Reads records from <paramref name="reader"/> (disposed with these records) through <see cref="CsvTextReader"/>.</summary>
    public static ReferenceRecords FromSpans(TextReader reader, string resource, int bufferSize = 1 << 16) =>
        new Spans(new CsvTextReader(reader, bufferSize), resource);

    /// <summary>The message of a quoting problem, as every reference table reports it.</summary>
    public static InvalidDataException QuotingError(string resource, int line, string problem)
    {
        string hint = problem == CsvRecordReader.QuoteInsideUnquotedField ? " (quote the whole field and double the quote)" : string.Empty;
        return new InvalidDataException($"{resource}:{line.ToString(CultureInfo.InvariantCulture)}: {problem}{hint}.");
    }

    /// <summary>Reads the next record; false at the end.</summary>
    /// <exception cref="InvalidDataException">The record's quoting is malformed; the message names the resource and line.</exception>
    public abstract bool Read();

    /// <summary>The value of field <paramref name="index"/>, for parsing.</summary>
    public abstract ReadOnlySpan<char> Span(int index);

    /// <summary>The value of field <paramref name="index"/> as a string.</summary>
    public abstract string Text(int index);

    public abstract void Dispose();

    private sealed class Streamed(TextReader reader, string resource) : ReferenceRecords(resource)
    {
        private readonly CsvRecordReader _csv = new(reader, resource);

        public override int Line => _csv.RecordLine;

        public override int FieldCount => _csv.Fields.Count;

        public override bool Read()
        {
            if (!_csv.Read(out var problem))
            {
                return false;
            }

            return problem is null ? true : throw QuotingError(Resource, _csv.ProblemLine, problem);
        }

        public override ReadOnlySpan<char> Span(int index) => _csv.Fields[index];

        public override string Text(int index) => _csv.Fields[index];

        public override void Dispose() => _csv.Dispose();
    }

    private sealed class Spans(CsvTextReader csv, string resource) : ReferenceRecords(resource)
    {
        private readonly CsvTextReader _csv = csv;

        public override int Line => _csv.RecordLine;

        public override int FieldCount => _csv.FieldCount;

        public override bool Read()
        {
            if (!_csv.Read(out var problem))
            {
                return false;
            }

            return problem is null ? true : throw QuotingError(Resource, _csv.ProblemLine, problem);
        }

        public override ReadOnlySpan<char> Span(int index) => _csv.FieldIsEscaped(index) ? _csv.Text(index) : _csv.Field(index);

        public override string Text(int index) => _csv.Text(index);

        public override void Dispose() => _csv.Dispose();
    }
}
