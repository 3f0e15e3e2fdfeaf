using System.Net;
using System.Text;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// The briefing's only inline markup, <c>**bold**</c> and <c>`code`</c>: passed through to Markdown, turned into
/// tags for HTML (the text itself is HTML-escaped, so names from a scenario cannot inject markup).
/// </summary>
internal static class InlineMarkup
{
    public static string ToHtml(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        bool bold = false;
        bool code = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (!code && i + 1 < text.Length && text[i] == '*' && text[i + 1] == '*')
            {
                html.Append(bold ? "</strong>" : "<strong>");
                bold = !bold;
                i++;
            }
            else if (text[i] == '`')
            {
                html.Append(code ? "</code>" : "<code>");
                code = !code;
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(text[i].ToString()));
            }
        }

        if (code)
        {
            html.Append("</code>");
        }

        if (bold)
        {
            html.Append("</strong>");
        }

        return html.ToString();
    }

    /// <summary>Markdown table cells cannot hold a bare pipe.</summary>
    public static string ToMarkdownCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
