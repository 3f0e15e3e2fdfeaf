using System.Text;

namespace StemSimulator.Engine.Calibration;

/// <summary>Normalises roll-call titles so that the same resolution in two sessions compares equal.</summary>
internal static class TitleText
{
    private static readonly string[] AdoptedSuffixes = [" : resolution", " : draft resolution", ": resolution"];

    /// <summary>Removes the UN Digital Library's " : resolution / adopted by the General Assembly" tail and trims.</summary>
    public static string StripAdoptedSuffix(string title)
    {
        foreach (var suffix in AdoptedSuffixes)
        {
            int at = title.IndexOf(suffix, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                title = title[..at];
            }
        }

        return title.Trim();
    }

    /// <summary>
    /// A comparison key: the title without the adopted-by tail, lower case, letters and digits only, single spaces
    /// ("Oceans and the law of the sea " and "OCEANS AND THE LAW OF THE SEA : resolution / ..." give the same key).
    /// Empty for a blank title.
    /// </summary>
    public static string Key(string title)
    {
        var text = StripAdoptedSuffix(title);
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
