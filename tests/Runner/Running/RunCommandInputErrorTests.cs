using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>Bad input through the real CLI: a clear message, exit code 2, no output folder.</summary>
public sealed class RunCommandInputErrorTests
{
    [Test]
    public void Yaml_syntax_error_exits_2_with_file_line_column_and_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("broken.yaml"), "scenario: broken\nas_of: 2026-03-01\nvotes: [\n  {id: v\n");

        var run = CliProcess.Run(folder.Path, "run", "broken.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Match(@"broken\.yaml:\d+:\d+: error: YAML syntax"));
        Assert.That(run.StandardError, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Directory.Exists(folder.File("out")), Is.False);
        Assert.That(Directory.GetDirectories(folder.Path), Is.Empty);
    }

    [Test]
    public void Unknown_key_and_unknown_member_exit_2_with_suggestions()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("typos.yaml"), """
            scenario: typos
            as_of: 2026-03-01
            trails: 100
            members:
              NDL: { vote: yes }
            votes:
              - id: v
                body: GA
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """);

        var run = CliProcess.Run(folder.Path, "run", "typos.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("typos.yaml:3:1: error: unknown key 'trails'").And.Contain("did you mean 'trials'?"));
        Assert.That(Directory.Exists(folder.File("out")), Is.False);
    }

    [Test]
    public void Unknown_member_exits_2_and_names_the_nearest_codes()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("member.yaml"), """
            scenario: member
            as_of: 2026-03-01
            members:
              'NLD ': { vote: yes }
            votes:
              - id: v
                body: GA
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """);

        var run = CliProcess.Run(folder.Path, "run", "member.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("member.yaml:4:3: error: unknown member 'NLD '; did you mean 'NLD'?"));
    }

    [Test]
    public void Existing_output_folder_is_kept_unless_forced_and_only_a_run_holding_nothing_else_is_replaced()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-territorial-integrity-2026.yaml");
        Directory.CreateDirectory(folder.File("out"));
        File.WriteAllText(Path.Combine(folder.File("out"), "keep.txt"), "earlier run");

        var refused = CliProcess.Run(folder.Path, "run", scenario, "--trials", "100", "--out", "out");
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.StandardError, Does.Contain("already exists; pass --force"));
        Assert.That(File.Exists(Path.Combine(folder.File("out"), "keep.txt")), Is.True);

        var notARun = CliProcess.Run(folder.Path, "run", scenario, "--trials", "100", "--out", "out", "--force");
        Assert.That(notARun.ExitCode, Is.EqualTo(2), notARun.StandardError);
        Assert.That(notARun.StandardError, Does.Contain("it is not a stemsim output folder"));
        Assert.That(File.Exists(Path.Combine(folder.File("out"), "keep.txt")), Is.True);

        File.Delete(Path.Combine(folder.File("out"), "keep.txt"));
        Directory.Delete(folder.File("out"));
        Assert.That(CliProcess.Run(folder.Path, "run", scenario, "--trials", "100", "--out", "out").ExitCode, Is.Zero);
        var forced = CliProcess.Run(folder.Path, "run", scenario, "--trials", "200", "--out", "out", "--force");
        Assert.That(forced.ExitCode, Is.Zero, forced.StandardError);
        Assert.That(File.ReadAllText(Path.Combine(folder.File("out"), "statistics.json")), Does.Contain("\"trials\":200,"));
        Assert.That(File.Exists(Path.Combine(folder.File("out"), "trials", "shard=0", "part-0.parquet")), Is.True);
    }

    [Test]
    public void Unknown_option_exits_2()
    {
        using var folder = new TemporaryFolder();

        var run = CliProcess.Run(folder.Path, "run", "x.yaml", "--trails", "5");

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
