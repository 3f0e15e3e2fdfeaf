using System.Globalization;
using System.Net;
using System.Text;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// Writes a briefing as one self-contained HTML file: styles inline, charts embedded as base64 PNG, no scripts and
/// nothing fetched, so it opens offline, mails as one attachment and prints cleanly.
/// </summary>
internal static class HtmlBriefingWriter
{
    private const string Style = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1b2430; max-width: 960px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.5; }
        h1 { font-size: 1.7rem; margin-bottom: .25rem; color: #1f3b57; }
        h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #1f3b57; padding-bottom: .2rem; color: #1f3b57; }
        .description { color: #4a5868; margin-top: 0; }
        .headlines { background: #f1f5f9; border-left: 5px solid #1f3b57; padding: .8rem 1.2rem .8rem 2.2rem; }
        .headlines li { margin: .35rem 0; }
        .note { font-size: .85rem; color: #4a5563; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
        th, td { border: 1px solid #d3dae3; padding: .3rem .55rem; vertical-align: top; }
        th { background: #e8eef5; text-align: left; }
        td.num { text-align: right; white-space: nowrap; }
        figure { margin: 1.2rem 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #e1e6ec; }
        figcaption { font-size: .85rem; color: #4a5868; margin-top: .3rem; }
        code { background: #eef1f5; padding: 0 .2rem; border-radius: 3px; }
        .provenance td:first-child { white-space: nowrap; color: #4a5868; }
        .provenance td { font-family: "DejaVu Sans Mono", monospace; font-size: .8rem; word-break: break-all; }
        footer { margin-top: 2rem; font-size: .8rem; color: #6b7785; }
        """;

    public static string Render(Briefing briefing)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine(CultureInfo.InvariantCulture, $"<title>{Encode(briefing.Title)}</title>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<style>\n{Style}\n</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>{Encode(briefing.Title)}</h1>");
        if (!string.IsNullOrWhiteSpace(briefing.Description))
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"description\">{Encode(briefing.Description)}</p>");
        }

        if (briefing.Headlines.Count > 0)
        {
            html.AppendLine("<ul class=\"headlines\" id=\"headlines\">");
            foreach (var line in briefing.Headlines)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li>{InlineMarkup.ToHtml(line)}</li>");
            }

            html.AppendLine("</ul>");
        }

        foreach (var note in briefing.Notes)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"headline-note\">{InlineMarkup.ToHtml(note)}</p>");
        }

        foreach (var section in briefing.Sections)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<section id=\"{Wording.Slug(section.Heading)}\">");
            html.AppendLine(CultureInfo.InvariantCulture, $"<h2>{Encode(section.Heading)}</h2>");
            foreach (var block in section.Blocks)
            {
                Block(html, block);
            }

            html.AppendLine("</section>");
        }

        Provenance(html, briefing);
        html.AppendLine(CultureInfo.InvariantCulture, $"<footer>Made by stemsim report {Encode(Infrastructure.Provenance.EngineVersion)} from the run's Parquet tables and statistics.json.</footer>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    /// <summary>The provenance section: one row per key.</summary>
    private static void Provenance(StringBuilder html, Briefing briefing)
    {
        html.AppendLine("<section id=\"provenance\">");
        html.AppendLine("<h2>Provenance</h2>");
        html.AppendLine("<table class=\"provenance\">");
        foreach (var (key, value) in briefing.Provenance)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{Encode(key)}</td><td>{Encode(value)}</td></tr>");
        }

        html.AppendLine("</table>");
        html.AppendLine("</section>");
    }

    private static void Block(StringBuilder html, BriefingBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                html.AppendLine(CultureInfo.InvariantCulture, $"<p>{InlineMarkup.ToHtml(p.Text)}</p>");
                break;
            case BulletList list:
                html.AppendLine("<ul>");
                foreach (var item in list.Items)
                {
                    html.AppendLine(CultureInfo.InvariantCulture, $"<li>{InlineMarkup.ToHtml(item)}</li>");
                }

                html.AppendLine("</ul>");
                break;
            case BriefingTable table:
                html.AppendLine("<table>");
                html.Append("<tr>");
                foreach (var header in table.Headers)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<th>{Encode(header)}</th>");
                }

                html.AppendLine("</tr>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    for (int c = 0; c < row.Count; c++)
                    {
                        bool numeric = c < table.RightAligned.Count && table.RightAligned[c];
                        html.Append(CultureInfo.InvariantCulture, $"<td{(numeric ? " class=\"num\"" : string.Empty)}>{InlineMarkup.ToHtml(row[c])}</td>");
                    }

                    html.AppendLine("</tr>");
                }

                html.AppendLine("</table>");
                break;
            case Chart chart:
                html.AppendLine(CultureInfo.InvariantCulture, $"<figure id=\"chart-{chart.Name}\">");
                html.AppendLine(CultureInfo.InvariantCulture,
                    $"<img src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\" width=\"{chart.Width}\" height=\"{chart.Height}\" alt=\"{Encode(chart.Caption)}\">");
                html.AppendLine(CultureInfo.InvariantCulture, $"<figcaption>{InlineMarkup.ToHtml(chart.Caption)}</figcaption>");
                html.AppendLine("</figure>");
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
