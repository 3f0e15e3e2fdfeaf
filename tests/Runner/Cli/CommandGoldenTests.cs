using StemSimulator.Runner.Members;
using StemSimulator.Runner.Validation;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Cli;

/// <summary>What 'stemsim members' and 'stemsim validate' print, rendered to a fixed-width console: golden files.</summary>
public sealed class CommandGoldenTests
{
    [Test]
    public void Golden_members_of_BRICS_at_the_end_of_2025()
    {
        var streams = new TestStreams();
        int code = new MembersService(streams.Streams, new ManualClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))).List("brics", 2025, quiet: false);
        Assert.That(code, Is.Zero);
        Golden.AssertMatches("members-brics-2025.txt", streams.Out.Output);
    }

    [Test]
    public void Members_lists_every_voting_member_and_rejects_an_unknown_bloc()
    {
        var streams = new TestStreams(200);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.That(new MembersService(streams.Streams, clock).List(null, null, quiet: true), Is.Zero);
        Assert.That(streams.Out.Lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| [A-Z]{3}  \|")), Is.EqualTo(193));
        var bad = new TestStreams();
        Assert.That(new MembersService(bad.Streams, clock).List("BRIKS", null, quiet: false), Is.EqualTo(2));
        Assert.That(bad.Error.ToString(), Does.Contain("unknown group 'BRIKS'; did you mean 'BRICS'? (groups: AFRICAN_GROUP"));
    }

    [Test]
    public void Members_takes_a_regional_group_in_any_spelling_and_writes_its_canonical_name()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (var spelling in new[] { "weog", "WEOG", "WesternEuropeanAndOthers" })
        {
            var streams = new TestStreams(200);
            Assert.That(new MembersService(streams.Streams, clock).List(spelling, null, quiet: false), Is.Zero);
            Assert.That(streams.Out.Output, Does.StartWith("29 members of WEOG on 2026-03-01"), spelling);
            Assert.That(streams.Out.Lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| [A-Z]{3}  \|")), Is.EqualTo(29), "28 members and the United States");
        }
    }

    [Test]
    public void Golden_validate_reports_every_error_of_every_file()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("bad.yaml"), """
            scenario: bad
            as_of: 2026-01-01
            votes:
              - id: x
                body: GAA
                like: { vote: A/RES/68/262, kind: repeat }
                membrs: {}
            """);
        // Wide enough that the "ok" line, which names the file by its absolute path (the checkout's folder, whose
        // length depends on the machine), never wraps before the path is replaced.
        var streams = new TestStreams(width: 1000);
        string good = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");
        int code = new ValidateService(streams.Streams).Validate([good, folder.File("bad.yaml"), folder.File("missing.yaml")], quiet: false);
        Assert.That(code, Is.EqualTo(2));
        string output = (streams.Out.Output + "--- standard error ---\n" + streams.Error)
            .Replace(folder.Path + Path.DirectorySeparatorChar, "TMP/", StringComparison.Ordinal)
            .Replace(RepositoryPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        Golden.AssertMatches("validate-errors.txt", output);
    }

    [Test]
    public void Every_committed_scenario_validates()
    {
        var files = Directory.GetFiles(RepositoryPaths.Scenarios, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var streams = new TestStreams(width: 1000);
        Assert.That(new ValidateService(streams.Streams).Validate(files, quiet: false), Is.Zero, streams.Error.ToString());
        Assert.That(streams.Out.Lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)), Is.EqualTo(files.Length));
        var quiet = new TestStreams();
        Assert.That(new ValidateService(quiet.Streams).Validate(files, quiet: true), Is.Zero);
        Assert.That(quiet.Out.Output, Is.Empty);
    }
}
