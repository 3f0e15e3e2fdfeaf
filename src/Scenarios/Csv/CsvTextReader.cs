namespace StemSimulator.Scenarios.Csv;

/// <summary>
/// Reads RFC 4180 records from a text, as <see cref="CsvRecordReader"/> reads them (the same records, lines and
/// problems), but without a string per field: each field is a span of a buffer, made a string only when asked for. For
/// the product's embedded tables, whose many numeric fields are parsed straight from their spans.
/// </summary>
/// <remarks>
/// The text is read in blocks into one buffer (64 K characters unless told; a record longer than the buffer doubles
/// it), so a table of megabytes needs no array of its size. A quoted field's span is its text between the quotes, with
/// any doubled quote still doubled (<see cref="FieldIsEscaped"/> says so); <see cref="Text"/> gives its value. Blank
/// lines and a leading byte order mark are skipped.
/// </remarks>
public sealed class CsvTextReader : IDisposable
{
    private readonly TextReader _source;
    private char[] _text;
    private int _length;
    private bool _eof;
    private bool _started;
    private bool _short;
    private int _position;
    private int _line = 1;
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private bool[] _escaped = new bool[32];

    /// <summary>Reads records from <paramref name="source"/> (disposed with this reader).</summary>
    /// <param name="source">The text.</param>
    /// <param name="bufferSize">Characters read at a time, at least 1; a record longer than this grows the buffer.</param>
    public CsvTextReader(TextReader source, int bufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        _source = source;
        _text = new char[bufferSize];
    }

    /// <summary>Line on which the current record starts (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>Line of the current record's problem (1-based; where the quote opens for an unterminated quoted field).</summary>
    public int ProblemLine { get; private set; }

    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The current record's field <paramref name="index"/> (0 to <see cref="FieldCount"/> - 1) as it stands in the text.</summary>
    public ReadOnlySpan<char> Field(int index) => _text.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Whether field <paramref name="index"/> holds a doubled quote, so its span differs from its value.</summary>
    public bool FieldIsEscaped(int index) => _escaped[index];

    /// <summary>The value of field <paramref name="index"/> (doubled quotes made single).</summary>
    public string Text(int index) =>
        _escaped[index] ? Field(index).ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : new string(Field(index));

    /// <summary>
    /// Reads the next record; false at the end of the text. A record with a quoting problem (the messages of
    /// <see cref="CsvRecordReader"/>) is returned with <paramref name="problem"/> set and its fields incomplete: stop there.
    /// </summary>
    public bool Read(out string? problem)
    {
        while (true)
        {
            int position = _position;
            int line = _line;
            _short = false;
            bool read = TryRead(out problem);
            if (!_short)
            {
                return read;
            }

            // The record runs past the buffer: read it again from its start once more text is in.
            _position = position;
            _line = line;
            Refill();
        }
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Reads a record from the buffer; sets <see cref="_short"/> instead when the buffer ends before it does.</summary>
    private bool TryRead(out string? problem)
    {
        problem = null;
        FieldCount = 0;
        if (!SkipBlankLines())
        {
            return false;
        }

        RecordLine = _line;
        while (true)
        {
            int end = _text[_position] == '"' ? ReadQuoted(ref problem) : ReadUnquoted(ref problem);
            if (_short || problem is not null)
            {
                return true;
            }

            if (end == _length)
            {
                _position = end;
                return true;
            }

            char c = _text[end];
            _position = end + 1;
            if (c != ',')
            {
                if (c == '\r' && Unknown(_position))
                {
                    return true;
                }

                if (c == '\r' && _position < _length && _text[_position] == '\n')
                {
                    _position++;
                }

                _line++;
                return true;
            }

            if (_position == _length)
            {
                if (!Unknown(_position))
                {
                    AddField(_position, 0, false);
                }

                return true;
            }
        }
    }

    /// <summary>Whether <paramref name="index"/> is past the buffer but not past the text (then the record is short of text).</summary>
    private bool Unknown(int index)
    {
        if (index >= _length && !_eof)
        {
            _short = true;
        }

        return _short;
    }

    /// <summary>Moves the unread text to the buffer's start (doubling the buffer when it is all unread) and reads more after it.</summary>
    private void Refill()
    {
        int keep = _length - _position;
        if (keep == _text.Length)
        {
            Array.Resize(ref _text, _text.Length * 2);
        }
        else if (keep > 0)
        {
            Array.Copy(_text, _position, _text, 0, keep);
        }

        _position = 0;
        _length = keep;
        int wanted = _text.Length - _length;
        int read = _source.ReadBlock(_text, _length, wanted);
        _length += read;
        _eof = read < wanted;
        if (!_started)
        {
            _started = true;
            if (_length > 0 && _text[0] == '\uFEFF')
            {
                _position = 1;
            }
        }
    }

    /// <summary>Reads an unquoted field from the current position; returns where it ends (a delimiter or the end).</summary>
    private int ReadUnquoted(ref string? problem)
    {
        // A plain loop: the framework's vectorised IndexOfAny is not in its precompiled image and would run as tier-0 code.
        int end = _position;
        while (end < _length && _text[end] is not (',' or '"' or '\r' or '\n'))
        {
            end++;
        }

        if (end < _length && _text[end] == '"')
        {
            Report(ref problem, CsvRecordReader.QuoteInsideUnquotedField, _line);
            return end;
        }

        if (Unknown(end))
        {
            return end;
        }

        AddField(_position, end - _position, false);
        return end;
    }

    /// <summary>Reads a quoted field whose opening quote is at the current position; returns where it ends.</summary>
    private int ReadQuoted(ref string? problem)
    {
        int quoteLine = _line;
        int start = _position + 1;
        int at = start;
        bool escaped = false;
        while (true)
        {
            int found = _text.AsSpan(at, _length - at).IndexOf('"');
            if (found < 0 && Unknown(_length))
            {
                return _length;
            }

            if (found < 0)
            {
                CountLines(start, _length);
                Report(ref problem, CsvRecordReader.UnterminatedQuotedField, quoteLine);
                return _length;
            }

            int quote = at + found;
            if (Unknown(quote + 1))
            {
                return _length;
            }

            if (quote + 1 < _length && _text[quote + 1] == '"')
            {
                escaped = true;
                at = quote + 2;
                continue;
            }

            CountLines(start, quote);
            AddField(start, quote - start, escaped);
            int after = quote + 1;
            if (after < _length && _text[after] is not (',' or '\r' or '\n'))
            {
                Report(ref problem, $"unexpected character '{_text[after]}' after a closing quote", _line);
            }

            return after;
        }
    }

    /// <summary>Passes over blank lines; false at the end of the text (or of the buffer, with <see cref="_short"/> set).</summary>
    private bool SkipBlankLines()
    {
        while (true)
        {
            if (_position >= _length)
            {
                _ = Unknown(_position);
                return false;
            }

            char c = _text[_position];
            if (c != '\r' && c != '\n')
            {
                return true;
            }

            _position++;
            if (c == '\r' && Unknown(_position))
            {
                return false;
            }

            if (c == '\r' && _position < _length && _text[_position] == '\n')
            {
                _position++;
            }

            _line++;
        }
    }

    /// <summary>Counts the line feeds inside a quoted field, as <see cref="CsvRecordReader"/> numbers lines (\r\n as one, a lone \r not).</summary>
    private void CountLines(int from, int to)
    {
        var span = _text.AsSpan(from, to - from);
        for (int found = span.IndexOf('\n'); found >= 0; found = span.IndexOf('\n'))
        {
            _line++;
            span = span[(found + 1)..];
        }
    }

    private void AddField(int start, int length, bool escaped)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
            Array.Resize(ref _escaped, FieldCount * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        _escaped[FieldCount] = escaped;
        FieldCount++;
    }

    private void Report(ref string? problem, string message, int line)
    {
        if (problem is null)
        {
            problem = message;
            ProblemLine = line;
        }
    }
}
