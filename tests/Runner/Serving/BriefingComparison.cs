using System.Text.RegularExpressions;

namespace StemSimulator.Tests.Runner.Serving;

/// <summary>
/// Compares the server's briefing with the one <c>stemsim report</c> writes for a run of the same scenario: every line
/// before the provenance (headlines, sections, tables, charts) the same, and the provenance too but for the rows that
/// name the file, the folder and the moment.
/// </summary>
internal static partial class BriefingComparison
{
    private static readonly string[] Local = ["scenario file", "run started (UTC)", "run folder"];

    public static void AssertSame(string server, string cli)
    {
        var (serverBody, serverProvenance) = Split(server);
        var (cliBody, cliProvenance) = Split(cli);
        Assert.That(serverBody, Does.Contain("<ul class=\"headlines\""), "the briefing has its headlines");
        Assert.That(serverBody.Split('\n'), Is.EqualTo(cliBody.Split('\n')), "everything before the provenance, line for line");
        Assert.That(serverProvenance.Where(r => !Local.Contains(r.Key)), Is.EqualTo(cliProvenance.Where(r => !Local.Contains(r.Key))));
        Assert.That(serverProvenance.Select(r => r.Key), Is.EqualTo(cliProvenance.Select(r => r.Key)));
    }

    private static (string Body, List<KeyValuePair<string, string>> Provenance) Split(string html)
    {
        int at = html.IndexOf("<section id=\"provenance\">", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0), "a briefing with its provenance");
        var rows = Row().Matches(html[at..]).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, m.Groups[2].Value)).ToList();
        return (html[..at], rows);
    }

    [GeneratedRegex("<tr><td>(.*?)</td><td>(.*?)</td></tr>")]
    private static partial Regex Row();
}
