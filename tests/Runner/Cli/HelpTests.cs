using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Cli;

/// <summary>Every command explains itself: --help works and shows examples; the root help names the exit codes.</summary>
public sealed class HelpTests
{
    private static readonly string[] Commands =
        ["run", "report", "validate", "merge", "lobby", "power", "calibrate", "veto-record", "members", "schema", "backtest", "serve"];

    [TestCaseSource(nameof(Commands))]
    public void Help_shows_examples(string command)
    {
        var help = CliProcess.Run(RepositoryPaths.Root, command, "--help");
        Assert.That(help.ExitCode, Is.Zero, help.StandardError);
        Assert.That(help.StandardOutput, Does.Contain("Example"));
        Assert.That(help.StandardOutput, Does.Contain($"stemsim {command}"));
    }

    [Test]
    public void Root_help_lists_commands_and_exit_codes()
    {
        var help = CliProcess.Run(RepositoryPaths.Root, "--help");
        Assert.That(help.ExitCode, Is.Zero);
        foreach (string command in Commands)
        {
            Assert.That(help.StandardOutput, Does.Contain($"  {command}"), command);
        }

        Assert.That(help.StandardOutput, Does.Contain("Exit codes: 0 success, 1 runtime failure, 2 invalid input"));
        Assert.That(help.StandardOutput, Does.Contain("130 interrupted"));
        Assert.That(help.StandardOutput, Does.Contain("stemsim report runs/ga-hrc-suspension-2026"));
    }
}
