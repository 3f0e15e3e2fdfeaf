using System.Text;

namespace StemSimulator.Scenarios.Files;

/// <summary>
/// The text of a YAML input: UTF-8, with or without the byte-order mark that Windows editors write. UTF-16 and NUL
/// bytes are named as such, rather than surfacing later as puzzling indentation errors.
/// </summary>
public static class TextDecoding
{
    /// <summary>The text of <paramref name="bytes"/>, or why it is not UTF-8 text.</summary>
    public static (string? Text, string? Problem) DecodeUtf8(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (null, "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
        }

        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            int line = 1 + bytes.AsSpan(0, nul).Count((byte)'\n');
            bool utf16 = bytes.Length >= 2 && (bytes[0] == 0 || bytes[1] == 0);
            return (null, utf16
                ? "the file looks like UTF-16 text (NUL bytes between the letters); save it as UTF-8"
                : $"the file holds a NUL byte (line {line}, byte {nul + 1:N0}); it is binary, not UTF-8 text");
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "the file is not valid UTF-8 text");
        }
    }
}
