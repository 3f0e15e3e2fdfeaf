namespace StemSimulator.Scenarios.Csv;

/// <summary>
/// Reads RFC 4180 records from a text held in memory, as <see cref="CsvRecordReader"/> reads them from a stream (the
/// same records, lines and problems), but without a string per field: each field is a span of the text, made a string
/// only when asked for. For the product's embedded tables, whose many numeric fields are parsed straight from their spans.
/// </summary>
/// <remarks>
/// A quoted field's span is its text between the quotes, with any doubled quote still doubled (<see cref="FieldIsEscaped"/>
/// says so); <see cref="Text"/> gives its value. Blank lines and a leading byte order mark are skipped.
/// </remarks>
public sealed class CsvTextReader
{
    private readonly char[] _text;
    private readonly int _length;
    private int _position;
    private int _line = 1;
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private bool[] _escaped = new bool[32];

    /// <summary>Reads the first <paramref name="length"/> characters of <paramref name="text"/>.</summary>
    /// <param name="text">The whole text; not copied, and not to be changed while it is read.</param>
    /// <param name="length">Number of characters of the text, 0 to its length.</param>
    public CsvTextReader(char[] text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)text.Length, nameof(length));
        _text = text;
        _length = length;
        if (length > 0 && text[0] == '\uFEFF')
        {
            _position = 1;
        }
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
            if (problem is not null)
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
                if (c == '\r' && _position < _length && _text[_position] == '\n')
                {
                    _position++;
                }

                _line++;
                return true;
            }

            if (_position == _length)
            {
                AddField(_position, 0, false);
                return true;
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
            if (found < 0)
            {
                CountLines(start, _length);
                Report(ref problem, CsvRecordReader.UnterminatedQuotedField, quoteLine);
                return _length;
            }

            int quote = at + found;
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

    /// <summary>Passes over blank lines; false at the end of the text.</summary>
    private bool SkipBlankLines()
    {
        while (_position < _length)
        {
            char c = _text[_position];
            if (c != '\r' && c != '\n')
            {
                return true;
            }

            _position++;
            if (c == '\r' && _position < _length && _text[_position] == '\n')
            {
                _position++;
            }

            _line++;
        }

        return false;
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
