using System.Text;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// Streams RFC 4180 CSV records from a file without holding it in memory: comma-separated fields, optionally in
/// double quotes (a quoted field may hold commas, line breaks and doubled quotes). Each record carries the line it
/// starts on, so problems can be reported as <c>file:line</c>. Blank lines are skipped.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _line = 1;
    private int _peeked = -2;

    /// <summary>Opens <paramref name="path"/> with <paramref name="encoding"/> (UTF-8 when null; a BOM is honoured).</summary>
    public CsvRecordReader(string path, Encoding? encoding = null)
    {
        Path = path;
        _reader = new StreamReader(path, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
    }

    /// <summary>The file as named by the caller (used in messages).</summary>
    public string Path { get; }

    /// <summary>Line on which the current record starts (1-based).</summary>
    public int RecordLine { get; private set; }

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
        while (true)
        {
            int c = Peek();
            if (c == -1)
            {
                return false;
            }

            if (c == '\r' || c == '\n')
            {
                ConsumeNewline();
                continue;
            }

            break;
        }

        RecordLine = _line;
        _field.Clear();
        bool atFieldStart = true;
        while (true)
        {
            int c = Next();
            if (c == -1 || c == '\n' || c == '\r')
            {
                if (c == '\r' && Peek() == '\n')
                {
                    Next();
                }

                if (c != -1)
                {
                    _line++;
                }

                _fields.Add(_field.ToString());
                return true;
            }

            if (c == '"' && atFieldStart)
            {
                while (true)
                {
                    int q = Next();
                    if (q == -1)
                    {
                        problem ??= "unterminated quoted field";
                        break;
                    }

                    if (q == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (q == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)q);
                }

                atFieldStart = false;
                int after = Peek();
                if (after is not (',' or '\r' or '\n' or -1))
                {
                    problem ??= $"unexpected character '{(char)after}' after a closing quote";
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
                problem ??= "a quote inside an unquoted field";
            }

            _field.Append((char)c);
            atFieldStart = false;
        }
    }

    public void Dispose() => _reader.Dispose();

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
