using System.Globalization;
using System.Text;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// Writes a briefing as Markdown with its charts as PNG files beside it (named after the Markdown file), ready to
/// paste into a note or a wiki page that keeps images next to the text.
/// </summary>
internal static class MarkdownBriefingWriter
{
    /// <summary>The Markdown text and the images it links to (file name relative to the Markdown file, PNG bytes).</summary>
    public static (string Markdown, IReadOnlyList<(string FileName, byte[] Png)> Images) Render(Briefing briefing, string stem)
    {
        var md = new StringBuilder();
        var images = new List<(string, byte[])>();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {briefing.Title}");
        md.AppendLine();
        if (!string.IsNullOrWhiteSpace(briefing.Description))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"*{briefing.Description.Trim()}*");
            md.AppendLine();
        }

        foreach (var line in briefing.Headlines)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        foreach (var note in briefing.Notes)
        {
            md.AppendLine();
            md.AppendLine(note);
        }

        foreach (var section in briefing.Sections)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {section.Heading}");
            foreach (var block in section.Blocks)
            {
                md.AppendLine();
                Block(md, block, stem, images);
            }
        }

        md.AppendLine();
        md.AppendLine("## Provenance");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        foreach (var (key, value) in briefing.Provenance)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {InlineMarkup.ToMarkdownCell(key)} | `{InlineMarkup.ToMarkdownCell(value)}` |");
        }

        return (md.ToString(), images);
    }

    /// <summary>One block of a section: a paragraph, a list, a table, or a chart linked to its PNG (added to <paramref name="images"/>).</summary>
    private static void Block(StringBuilder md, BriefingBlock block, string stem, List<(string, byte[])> images)
    {
        switch (block)
        {
            case Paragraph p:
                md.AppendLine(p.Text);
                break;
            case BulletList list:
                foreach (var item in list.Items)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {item}");
                }

                break;
            case BriefingTable table:
                md.AppendLine("| " + string.Join(" | ", table.Headers.Select(InlineMarkup.ToMarkdownCell)) + " |");
                md.AppendLine("|" + string.Concat(table.Headers.Select((_, c) => c < table.RightAligned.Count && table.RightAligned[c] ? "---:|" : "---|")));
                foreach (var row in table.Rows)
                {
                    md.AppendLine("| " + string.Join(" | ", row.Select(InlineMarkup.ToMarkdownCell)) + " |");
                }

                break;
            case Chart chart:
                string file = $"{stem}-{chart.Name}.png";
                images.Add((file, chart.Png));
                md.AppendLine(CultureInfo.InvariantCulture, $"![{chart.Name}]({file})");
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"*{chart.Caption}*");
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }
}
