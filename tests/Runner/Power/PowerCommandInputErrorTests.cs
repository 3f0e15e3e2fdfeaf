using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Power;

/// <summary>Bad input to <c>stemsim power</c>: a clear message, exit code 2, nothing written.</summary>
public sealed class PowerCommandInputErrorTests
{
    [Test]
    public void Unknown_council_name_exits_2_with_a_suggestion()
    {
        using var folder = new TemporaryFolder();

        var run = CliProcess.Run(folder.Path, "power", "--council", "g5", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("unknown council 'g5'; did you mean 'g4'?").And.Contain("built-in: current, g4"));
        Assert.That(Directory.Exists(folder.File("out")), Is.False);
    }

    [Test]
    public void Bad_council_file_exits_2_with_file_line_and_column()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("bad.yaml"), """
            council: bad
            quota: 20
            seats:
              - { type: permanent, veto: true, members: [CHN, FRA, GBR, RUS, USA] }
              - { type: elected, cout: 10 }
            """);

        var run = CliProcess.Run(folder.Path, "power", "--council", "bad.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("bad.yaml:5:22: error: unknown key 'cout'").And.Contain("did you mean 'count'?"));
        Assert.That(run.StandardError, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Directory.Exists(folder.File("out")), Is.False);
    }

    [Test]
    public void Missing_council_file_exits_2()
    {
        using var folder = new TemporaryFolder();

        var run = CliProcess.Run(folder.Path, "power", "--council", "missing.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("missing.yaml:1:1: error: the council file does not exist"));
    }

    [Test]
    public void Two_councils_with_one_name_exit_2()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("current.yaml"), "council: current\nquota: 2\nseats:\n  - { type: member, count: 3 }\n");

        var run = CliProcess.Run(folder.Path, "power", "--council", "current", "--council", "current.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("two councils are named 'current'"));
    }
}
