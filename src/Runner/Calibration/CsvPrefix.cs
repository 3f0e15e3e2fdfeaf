using System.Runtime.CompilerServices;
using System.Text;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Decides for one data row of a CSV file, seen as bytes by <see cref="CsvPrefix.Skip"/>, whether it may be passed
/// over: true when the row holds nothing the caller keeps or reports; false stops the scan there, and that row and
/// every later one are read in full.
/// </summary>
internal delegate bool SkippableRow(PrefixRow row);

/// <summary>
/// One single-line data row as <see cref="CsvPrefix.Skip"/> sees it: the fields the caller picked (in the order of
/// its columns), as bytes of the file's ASCII-compatible encoding, a quoted field without its quotes. A picked field
/// with a doubled quote inside is never handed over (the row is read in full), so the bytes are the field's text.
/// </summary>
internal readonly ref struct PrefixRow(ReadOnlySpan<byte> line, ReadOnlySpan<Range> fields, int[] columns, int lineNumber)
{
    private readonly ReadOnlySpan<byte> _line = line;
    private readonly ReadOnlySpan<Range> _fields = fields;

    /// <summary>The line the row is on (1-based).</summary>
    public int Line { get; } = lineNumber;

    /// <summary>The bytes of the picked column <paramref name="column"/>.</summary>
    public ReadOnlySpan<byte> this[int column] => _line[_fields[columns[column]]];

    // AggressiveOptimization on the scan's per-row methods: compiled fully optimised at the first call, not run as
    // precompiled, then instrumented, then recompiled code, where an update's short run spends much of its
    // time (docs/calibration.md, Incremental recalibration).
    /// <summary>
    /// The picked column as a non-negative integer of at most nine digits and nothing else; narrower than what the
    /// full reader accepts, so a row it refuses is left to the full reader.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Digits(int column, out int value)
    {
        var bytes = this[column];
        value = 0;
        if (bytes.Length is 0 or > 9)
        {
            return false;
        }

        foreach (byte b in bytes)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>The picked column decoded as text.</summary>
    public string Text(int column, Encoding encoding) => encoding.GetString(this[column]);
}

/// <summary>
/// Passes over the leading data rows of a CSV file that the caller does not need, at the level of bytes: each line
/// is split at its commas, without building a string, and handed to a <see cref="SkippableRow"/>. The scan stops at
/// the first row the caller wants and at the first row that is not plainly one line of the header's number of
/// fields (a quoted line break, a stray quote, a carriage return inside the line, another field count), so the full
/// reader (<see cref="Scenarios.Csv.CsvRecordReader"/>) reads and reports everything from there on exactly as it
/// would have. A doubled quote inside a quoted field is one quote of its text, as the full reader reads it: such a
/// row is passed over when the field is not one the caller picked (Voeten's file has such rows in a roll call of 1973,
/// which used to stop the scan there), and read in full from there on when it is. Blank lines are passed over,
/// as the full reader does.
/// </summary>
/// <remarks>Works for encodings in which comma, quote, carriage return and line feed are single bytes that no other
/// character contains (UTF-8, Latin-1).</remarks>
internal static class CsvPrefix
{
    private const int BufferSize = 1 << 20;

    /// <summary>
    /// The byte offset and line number of the first record of <paramref name="file"/> after its header that
    /// <paramref name="skip"/> does not pass over (the end of the file when it passes over all), or null when the
    /// header itself is not a plain line (the file is then read whole).
    /// </summary>
    /// <param name="file">The CSV file.</param>
    /// <param name="columns">The indexes of the header's columns the rows are seen through.</param>
    /// <param name="skip">Says whether a row may be passed over.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (long Offset, int Line)? Skip(string file, int[] columns, SkippableRow skip)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BufferSize];
        var fields = new Range[256];
        ulong picked = columns.Aggregate(0UL, (mask, column) => mask | (column < 64 ? 1UL << column : 0));
        int start = 0, end = 0, line = 1, headerFields = -1;
        long startOffset = 0;
        bool eof = false;
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !eof)
            {
                (buffer, start, end, eof) = Refill(stream, buffer, start, end);
                if (startOffset == 0 && end >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
                {
                    start = 3;
                    startOffset = 3;
                }

                continue;
            }

            if (newline < 0 && start == end)
            {
                return headerFields < 0 ? null : (startOffset, line);
            }

            int length = newline < 0 ? end - start : newline;
            var text = buffer.AsSpan(start, length);
            if (text.Length > 0 && text[^1] == (byte)'\r')
            {
                text = text[..^1];
            }

            if (text.Length > 0)
            {
                int count = Split(text, fields, out ulong escaped);
                if (headerFields < 0)
                {
                    if (count < 0)
                    {
                        return null;
                    }

                    headerFields = count;
                }
                else if (count != headerFields || (escaped & picked) != 0 || !skip(new PrefixRow(text, fields.AsSpan(0, count), columns, line)))
                {
                    return (startOffset, line);
                }
            }

            int consumed = newline < 0 ? length : length + 1;
            start += consumed;
            startOffset += consumed;
            line++;
        }
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer for a line longer than it) and reads more.</summary>
    private static (byte[] Buffer, int Start, int End, bool Eof) Refill(Stream stream, byte[] buffer, int start, int end)
    {
        int left = end - start;
        if (left == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        else
        {
            buffer.AsSpan(start, left).CopyTo(buffer);
        }

        int read = stream.Read(buffer, left, buffer.Length - left);
        return (buffer, 0, left + read, read == 0);
    }

    /// <summary>
    /// The fields of a line (a quoted field's range inside its quotes), or -1 when the line is not plainly one record
    /// (a carriage return, an unterminated or stray quote, text after a closing quote, more fields than
    /// <paramref name="fields"/> holds, a doubled quote in a field after the 64th); <paramref name="escaped"/> has bit k set when field k is quoted and
    /// holds a doubled quote (its range then covers the doubled quote as two bytes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Split(ReadOnlySpan<byte> line, Range[] fields, out ulong escaped)
    {
        escaped = 0;
        if (line.Contains((byte)'\r'))
        {
            return -1;
        }

        int n = 0, i = 0;
        while (n < fields.Length)
        {
            if (i < line.Length && line[i] == (byte)'"')
            {
                int quote = ClosingQuote(line, i + 1, out bool doubled);
                if (quote < 0 || (doubled && n >= 64))
                {
                    return -1;
                }

                escaped |= doubled ? 1UL << n : 0;
                fields[n++] = new Range(i + 1, quote);
                i = quote + 1;
                if (i == line.Length)
                {
                    return n;
                }

                if (line[i] != (byte)',')
                {
                    return -1;
                }

                i++;
                continue;
            }

            int end = FieldEnd(line, i);
            if (end == line.Length)
            {
                fields[n++] = new Range(i, line.Length);
                return n;
            }

            if (line[end] == (byte)'"')
            {
                return -1;
            }

            fields[n++] = new Range(i, end);
            i = end + 1;
        }

        return -1;
    }

    /// <summary>
    /// The index of the first comma or quote from <paramref name="from"/> on, or the line's length. Byte by byte: the
    /// fields are short (Voeten's rows have sixteen of a few bytes), where a search call per field costs more than it saves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FieldEnd(ReadOnlySpan<byte> line, int from)
    {
        int end = from;
        while (end < line.Length && line[end] != (byte)',' && line[end] != (byte)'"')
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// The index of the quote that closes a quoted field whose text starts at <paramref name="from"/> (a doubled quote
    /// is a quote of its text, as the full reader reads it), or -1 when the line ends first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ClosingQuote(ReadOnlySpan<byte> line, int from, out bool doubled)
    {
        doubled = false;
        while (true)
        {
            // Byte by byte, as Split: a quoted field of the vote files is a few bytes long.
            int quote = from;
            while (quote < line.Length && line[quote] != (byte)'"')
            {
                quote++;
            }

            if (quote == line.Length)
            {
                return -1;
            }

            if (quote + 1 < line.Length && line[quote + 1] == (byte)'"')
            {
                doubled = true;
                from = quote + 2;
                continue;
            }

            return quote;
        }
    }
}
