using System.Text;
using System.Text.RegularExpressions;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Docs;

/// <summary>
/// The documentation holds together: README.md stays short, keeps the two commands CI and new users run, its tutorial
/// scenario compiles, and every relative link of README.md and docs/**/*.md reaches a file that exists and, with an
/// #anchor into a Markdown file, a heading of that file (GitHub's slug rules) or an explicit HTML anchor.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    /// <summary>The README's budget: 12 KiB, so it stays an introduction and everything else lives in docs/.</summary>
    private const int MaxReadmeBytes = 12_288;

    private static string Readme => Path.Combine(RepositoryPaths.Root, "README.md");

    private static IEnumerable<string> MarkdownFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories).Prepend(Readme).Order(StringComparer.Ordinal);

    [Test]
    public void Readme_is_at_most_12_KiB()
    {
        long bytes = new FileInfo(Readme).Length;
        Assert.That(bytes, Is.LessThanOrEqualTo(MaxReadmeBytes), "README.md is an introduction; move details into docs/");
    }

    [Test]
    public void Readme_keeps_the_two_commands()
    {
        string readme = File.ReadAllText(Readme);
        Assert.That(readme, Does.Contain("dotnet run --project src/Runner -c Release -- run scenarios/ga-hrc-suspension-2026.yaml"));
        Assert.That(readme, Does.Contain("\ndotnet test\n"), "CI runs the README's test command");
        Assert.That(File.Exists(Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml")), Is.True);
    }

    [Test]
    public void Readme_tutorial_scenario_compiles()
    {
        // The tutorial's YAML blocks, joined in order, are the file a reader ends with.
        string readme = File.ReadAllText(Readme).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = readme.IndexOf("## Write your first scenario", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the tutorial's heading");
        int end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        string tutorial = readme[start..(end < 0 ? readme.Length : end)];
        string yaml = string.Join("\n", YamlBlock().Matches(tutorial).Select(m => m.Groups[1].Value));
        Assert.That(yaml, Does.Contain("variants:"));

        var result = ScenarioLoader.Load("my-question.yaml", Encoding.UTF8.GetBytes(yaml));

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Model!.Variants.Select(v => v.Name), Is.EqualTo(new[] { "baseline", "two-thirds", "eu-sids" }));
        Assert.That(result.Model.Trials, Is.EqualTo(20_000));
    }

    [Test]
    public void Every_relative_link_resolves()
    {
        var broken = new List<string>();
        int checkedLinks = 0;
        foreach (string file in MarkdownFiles())
        {
            string text = WithoutCode(File.ReadAllText(file));
            foreach (Match link in MarkdownLink().Matches(text))
            {
                string target = link.Groups["target"].Value.Trim();
                if (target.Length == 0 || SchemeLink().IsMatch(target))
                {
                    continue;
                }

                checkedLinks++;
                int hash = target.IndexOf('#', StringComparison.Ordinal);
                string path = hash < 0 ? target : target[..hash];
                string anchor = hash < 0 ? string.Empty : Uri.UnescapeDataString(target[(hash + 1)..]);
                string resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                string where = $"{Path.GetRelativePath(RepositoryPaths.Root, file)}: ({target})";
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{where}: no such file");
                }
                else if (anchor.Length > 0 && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(resolved).Contains(anchor))
                {
                    broken.Add($"{where}: no heading or anchor '#{anchor}' in {Path.GetFileName(resolved)}");
                }
            }
        }

        Assert.That(broken, Is.Empty);
        Assert.That(checkedLinks, Is.GreaterThan(20), "the link pattern found the documentation's links");
    }

    [TestCase("## The briefing: `stemsim report`", "the-briefing-stemsim-report")]
    [TestCase("### Timeline (multi-year scenarios)", "timeline-multi-year-scenarios")]
    [TestCase("## Write your first scenario in five minutes", "write-your-first-scenario-in-five-minutes")]
    [TestCase("## `drift.parquet` (multi-year scenarios)", "driftparquet-multi-year-scenarios")]
    [TestCase("## Provenance (every file)", "provenance-every-file")]
    [TestCase("### Results, 2010-2019", "results-2010-2019")]
    public void Slugs_follow_GitHub(string heading, string slug)
    {
        // Checked against the anchors GitHub renders for headings of these shapes.
        Assert.That(Anchors(heading), Does.Contain(slug));
    }

    [Test]
    public void Repeated_headings_get_numbered_slugs()
    {
        Assert.That(Anchors("## Limits\n\n## Limits\n\n## Limits\n"), Is.EquivalentTo(new[] { "limits", "limits-1", "limits-2" }));
    }

    /// <summary>The anchors of a Markdown file (or of Markdown text, for the slug tests).</summary>
    private static HashSet<string> Anchors(string fileOrText)
    {
        string text = File.Exists(fileOrText) ? File.ReadAllText(fileOrText) : fileOrText;
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string prose = WithoutFencedCode(text);
        foreach (Match heading in Heading().Matches(prose))
        {
            string slug = Slug(heading.Groups["text"].Value);
            int count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        foreach (Match explicitAnchor in HtmlAnchor().Matches(prose))
        {
            anchors.Add(explicitAnchor.Groups["id"].Value);
        }

        return anchors;
    }

    /// <summary>
    /// GitHub's heading slug: the heading's text without Markdown markup, lower-cased, every character that is not a
    /// letter, digit, space, hyphen or underscore removed, spaces turned into hyphens.
    /// </summary>
    private static string Slug(string heading)
    {
        string plain = MarkdownLinkText().Replace(heading.Trim(), "${text}").Replace("`", string.Empty, StringComparison.Ordinal)
            .Replace("*", string.Empty, StringComparison.Ordinal);
        var slug = new StringBuilder(plain.Length);
        foreach (char c in plain.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string WithoutFencedCode(string text) => FencedCode().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);

    private static string WithoutCode(string text) => InlineCode().Replace(WithoutFencedCode(text), string.Empty);

    [GeneratedRegex(@"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[(?<text>[^\]\n]*)\]\((?<target>[^)\s]*)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\[(?<text>[^\]\n]*)\]\([^)\n]*\)")]
    private static partial Regex MarkdownLinkText();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemeLink();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<text>[^\n]*?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""")]
    private static partial Regex HtmlAnchor();

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
