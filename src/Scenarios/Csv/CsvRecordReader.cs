using System.Text;

namespace StemSimulator.Scenarios.Csv;

/// <summary>
/// The project's CSV reader for files and users' tables (the embedded reference tables use <see cref="CsvTextReader"/>, which
/// gives the same records from spans): streams RFC 4180 records from a file or any text without holding it in
/// memory: comma-separated fields, optionally in double quotes (a quoted field may hold commas, line breaks and
/// doubled quotes). Each record carries the line it starts on and each problem the line it is on, so problems can
/// be reported as <c>file:line</c>. Blank lines and a leading byte order mark are skipped.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    /// <summary>The problem of a quote in the middle of an unquoted field.</summary>
    public const string QuoteInsideUnquotedField = "a quote inside an unquoted field";

    /// <summary>The problem of a quoted field that the text ends inside.</summary>
    public const string UnterminatedQuotedField = "unterminated quoted field";

    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _line = 1;
    private int _peeked = -2;

    /// <summary>Opens <paramref name="path"/> with <paramref name="encoding"/> (UTF-8 when null; a BOM is honoured).</summary>
    public CsvRecordReader(string path, Encoding? encoding = null)
        : this(new StreamReader(path, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 }), path)
    {
    }

    /// <summary>
    /// Opens <paramref name="path"/> at byte <paramref name="offset"/>, where a record starts on line
    /// <paramref name="line"/> (as a scan of the bytes before it found), so lines are numbered as from the start.
    /// </summary>
    public CsvRecordReader(string path, Encoding? encoding, long offset, int line)
        : this(OpenAt(path, encoding, offset), path)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        _line = line;
    }

    /// <summary>Reads records from <paramref name="reader"/> (disposed with this reader); <paramref name="path"/> names it in messages.</summary>
    public CsvRecordReader(TextReader reader, string path)
    {
        _reader = reader;
        Path = path;
        if (Peek() == '\uFEFF')
        {
            Next();
        }
    }

    /// <summary>The file as named by the caller (used in messages).</summary>
    public string Path { get; }

    /// <summary>Line on which the current record starts (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>Line of the current record's problem (1-based; where the quote opens for an unterminated quoted field).</summary>
    public int ProblemLine { get; private set; }

    /// <summary>Fields of the current record; valid until the next <see cref="Read"/>.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>
    /// Reads the next record; false at the end of the file. A quote in the middle of an unquoted field or an
    /// unterminated quoted field does not stop reading: the record is returned with <paramref name="problem"/> set.
    /// </summary>
    public bool Read(out string? problem)
    {
        problem = null;
        _fields.Clear();
        if (!SkipBlankLines())
        {
            return false;
        }

        RecordLine = _line;
        _field.Clear();
        bool atFieldStart = true;
        while (true)
        {
            int c = Next();
            if (c == -1 || c == '\n' || c == '\r')
            {
                EndRecord(c);
                return true;
            }

            if (c == '"' && atFieldStart)
            {
                ReadQuoted(ref problem);
                atFieldStart = false;
                int after = Peek();
                if (after is not (',' or '\r' or '\n' or -1))
                {
                    Report(ref problem, $"unexpected character '{(char)after}' after a closing quote", _line);
                }

                continue;
            }

            if (c == ',')
            {
                _fields.Add(_field.ToString());
                _field.Clear();
                atFieldStart = true;
                continue;
            }

            if (c == '"')
            {
                Report(ref problem, QuoteInsideUnquotedField, _line);
            }

            _field.Append((char)c);
            atFieldStart = false;
        }
    }

    public void Dispose() => _reader.Dispose();

    private static StreamReader OpenAt(string path, Encoding? encoding, long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            stream.Seek(offset, SeekOrigin.Begin);
            return new StreamReader(stream, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: offset == 0, 1 << 16);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Ends the record at <paramref name="end"/> (a line break, taking \r\n as one, or the end of the text) with its last field.</summary>
    private void EndRecord(int end)
    {
        if (end == '\r' && Peek() == '\n')
        {
            Next();
        }

        if (end != -1)
        {
            _line++;
        }

        _fields.Add(_field.ToString());
    }

    /// <summary>Passes over blank lines; false at the end of the text.</summary>
    private bool SkipBlankLines()
    {
        while (true)
        {
            int c = Peek();
            if (c == -1)
            {
                return false;
            }

            if (c != '\r' && c != '\n')
            {
                return true;
            }

            ConsumeNewline();
        }
    }

    /// <summary>Reads a quoted field's text after its opening quote up to its closing quote (a doubled quote is one).</summary>
    private void ReadQuoted(ref string? problem)
    {
        int quoteLine = _line;
        while (true)
        {
            int q = Next();
            if (q == -1)
            {
                Report(ref problem, UnterminatedQuotedField, quoteLine);
                return;
            }

            if (q == '"')
            {
                if (Peek() == '"')
                {
                    Next();
                    _field.Append('"');
                    continue;
                }

                return;
            }

            if (q == '\n')
            {
                _line++;
            }

            _field.Append((char)q);
        }
    }

    /// <summary>Keeps the first problem of a record and its line.</summary>
    private void Report(ref string? problem, string message, int line)
    {
        if (problem is null)
        {
            problem = message;
            ProblemLine = line;
        }
    }

    private int Peek()
    {
        if (_peeked == -2)
        {
            _peeked = _reader.Read();
        }

        return _peeked;
    }

    private int Next()
    {
        int c = Peek();
        _peeked = -2;
        return c;
    }

    private void ConsumeNewline()
    {
        int c = Next();
        if (c == '\r' && Peek() == '\n')
        {
            Next();
        }

        _line++;
    }
}
