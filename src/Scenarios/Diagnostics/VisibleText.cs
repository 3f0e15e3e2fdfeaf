using System.Globalization;
using System.Text;

namespace StemSimulator.Scenarios.Diagnostics;

/// <summary>
/// Makes what a message quotes visible: invisible characters (a zero-width space, a byte-order mark, control
/// characters), bidirectional overrides that would reorder the message on screen, and look-alike letters from
/// another script inside a Latin word (a Cyrillic 'Р' in 'RUS') are shown as <c>\u200B</c>-style escapes, so that
/// "unknown member 'RUS'; did you mean 'RUS'?" reads "unknown member '\u0420US'; did you mean 'RUS'?".
/// </summary>
public static class VisibleText
{
    /// <summary>The text with every hidden or look-alike character escaped; plain text comes back unchanged.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && !MayNeedEscape(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsHidden(c) || (IsLookAlikeScript(c) && InMixedWord(text, i)))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool MayNeedEscape(char c) => c > 0x7E || (c < 0x20 && c != '\n' && c != '\t' && c != '\r');

    /// <summary>Characters that show nothing or change how the rest is shown.</summary>
    private static bool IsHidden(char c)
    {
        if (c is '\n' or '\t' or '\r')
        {
            return false;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                   or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
               || (category == UnicodeCategory.SpaceSeparator && c != ' ');
    }

    /// <summary>
    /// Letters of the scripts whose capitals pass for Latin ones (Greek, Cyrillic, Armenian, Cherokee, full-width
    /// forms); accented Latin letters ('é' in 'Côte') are not suspicious and stay as they are.
    /// </summary>
    private static bool IsLookAlikeScript(char c) =>
        char.IsLetter(c) && c is (>= '\u0370' and <= '\u058F') or (>= '\u13A0' and <= '\u13FF') or (>= '\uFF00' and <= '\uFFEF');

    /// <summary>Whether the word around position <paramref name="index"/> also holds ASCII letters (mixed scripts).</summary>
    private static bool InMixedWord(string text, int index)
    {
        int start = index;
        while (start > 0 && IsWordPart(text[start - 1]))
        {
            start--;
        }

        int end = index;
        while (end < text.Length - 1 && IsWordPart(text[end + 1]))
        {
            end++;
        }

        for (int i = start; i <= end; i++)
        {
            if (char.IsAsciiLetter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || IsHidden(c);
}
