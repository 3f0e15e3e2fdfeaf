using System.Collections;
using Spectre.Console;
using Spectre.Console.Testing;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Validation;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Cli;

/// <summary>
/// <c>--version</c>, <c>validate</c> and <c>run</c> start without the Generic Host unless a <c>STEMSIM_</c> variable is
/// set: the command line they get has their one command, and what they print is the same with and without the host.
/// </summary>
public sealed class HostlessCliTests
{
    private static readonly string Scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");

    [TestCase(new[] { "validate", "x.yaml" }, "validate")]
    [TestCase(new[] { "run", "x.yaml", "--trials", "10" }, "run")]
    public void A_short_command_gets_the_root_with_its_one_command(string[] args, string command)
    {
        var streams = new TestStreams();

        var root = HostlessCli.Build(args, () => streams.Streams, new Hashtable());

        Assert.That(root, Is.Not.Null);
        Assert.That(root!.Subcommands.Select(c => c.Name), Is.EqualTo(new[] { command }));
    }

    [Test]
    public void Version_alone_gets_the_bare_root_and_no_console()
    {
        var root = HostlessCli.Build(["--version"], () => throw new AssertionException("--version needs no console"), new Hashtable());

        Assert.That(root, Is.Not.Null);
        Assert.That(root!.Subcommands, Is.Empty);
    }

    [TestCase("report", "runs/x")]
    [TestCase("members", "--bloc", "BRICS")]
    [TestCase("--version", "--help")]
    [TestCase("--help")]
    public void Other_commands_need_the_host(params string[] args)
    {
        Assert.That(HostlessCli.Build(args, () => new TestStreams().Streams, new Hashtable()), Is.Null);
        Assert.That(HostlessCli.Build([], () => new TestStreams().Streams, new Hashtable()), Is.Null);
    }

    [TestCase("STEMSIM_Logging__LogLevel__Default")]
    [TestCase("stemsim_logging__loglevel__default")]
    public void Any_configuration_variable_means_the_host(string variable)
    {
        var environment = new Hashtable { ["PATH"] = "/usr/bin", [variable] = "Information" };

        Assert.That(HostlessCli.Build(["validate", "x.yaml"], () => new TestStreams().Streams, environment), Is.Null);
        Assert.That(HostlessCli.Build(["run", "x.yaml"], () => new TestStreams().Streams, environment), Is.Null);
    }

    [TestCase(200)]
    [TestCase(40)]
    public void The_ok_line_is_what_Spectre_writes(int width)
    {
        var streams = new TestStreams(width);
        var expected = new TestConsole().Width(width);
        expected.Profile.Capabilities.Ansi = false;
        expected.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        // The markup the line had before it was written directly (at width 40 Spectre wraps it, and still does).
        expected.MarkupLine($"[green]ok[/] {Markup.Escape(Scenario)} (ga-hrc-suspension-2026: 1 vote, 1 variant, 100,000 trials)");

        int code = new ValidateService(streams.Streams).Validate([Scenario], quiet: false);

        Assert.That(code, Is.Zero, streams.Error.ToString());
        Assert.That(streams.Out.Output, Is.EqualTo(expected.Output));
    }

    [TestCase("xterm-256color")]
    [TestCase("dumb")]
    [TestCase(null)]
    public void A_redirected_ok_line_is_plain_whatever_the_terminal_type(string? term)
    {
        var result = CliProcess.Run(RepositoryPaths.Root, environment => Terminal(environment, term, allowColours: false), "validate", Scenario);

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        Assert.That(result.StandardOutput, Is.EqualTo($"ok {Scenario} (ga-hrc-suspension-2026: 1 vote, 1 variant, 100,000 trials)\n"));
    }

    [Test]
    public void Colours_asked_for_on_a_redirected_stream_are_still_Spectre_s()
    {
        // System.Console takes its colour codes from the terminfo database; a machine without it writes none.
        if (!new[] { "/lib/terminfo", "/usr/share/terminfo", "/etc/terminfo" }.Any(folder => File.Exists(Path.Combine(folder, "x", "xterm-256color"))))
        {
            Assert.Ignore("no terminfo entry for xterm-256color on this machine");
        }

        var result = CliProcess.Run(RepositoryPaths.Root, environment => Terminal(environment, "xterm-256color", allowColours: true), "validate", Scenario);

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        // What Spectre's writer without ANSI support writes through System.Console's colours (the same before the direct line).
        Assert.That(result.StandardOutput, Is.EqualTo($"\u001b[39;49m\u001b[39;49m\u001b[32mok\u001b[39;49m {Scenario} (ga-hrc-suspension-2026: 1 vote, 1 variant, 100,000 trials)\n"));
    }

    private static void Terminal(IDictionary<string, string?> environment, string? term, bool allowColours)
    {
        foreach (var name in environment.Keys.Where(n => n.StartsWith("STEMSIM_", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            environment.Remove(name);
        }

        environment.Remove("NO_COLOR");
        environment.Remove("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION");
        environment["TERM"] = term;
        if (term is null)
        {
            environment.Remove("TERM");
        }

        if (allowColours)
        {
            environment["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "1";
        }
    }

    [TestCase("validate")]
    [TestCase("validate", "--explain")]
    [TestCase("validate", "missing.yaml")]
    [TestCase("--version")]
    public void Output_is_the_same_with_and_without_the_host(params string[] args)
    {
        string[] arguments = [.. args, .. args[0] == "validate" && !args.Contains("missing.yaml") ? new[] { Scenario } : Array.Empty<string>()];

        var hostless = Stemsim(arguments, null);
        var hosted = Stemsim(arguments, "Warning");

        Assert.That(hostless, Is.EqualTo(hosted));
    }

    [Test]
    public void A_run_prints_the_same_with_and_without_the_host_and_logs_only_with_it()
    {
        using var folder = new TemporaryFolder();
        string[] run = ["run", Scenario, "--trials", "200", "--force", "--out"];

        string a = Path.Combine(folder.Path, "a");
        string b = Path.Combine(folder.Path, "b");

        var hostless = Stemsim([.. run, a], null);
        var hosted = Stemsim([.. run, b], "Information");

        Assert.That(hostless.ExitCode, Is.Zero, hostless.Error);
        Assert.That(hosted.ExitCode, Is.Zero, hosted.Error);
        Assert.That(WithoutTimes(hostless.Output).Replace(a, b, StringComparison.Ordinal), Is.EqualTo(WithoutTimes(hosted.Output)));
        Assert.That(hosted.Error, Does.Contain("Running ga-hrc-suspension-2026: 200 trials from trial 0"), "the host's logger at Information");
        Assert.That(hostless.Error, Does.Not.Contain("Running ga-hrc-suspension-2026"));
        Assert.That(Directory.GetFiles(a).Select(Path.GetFileName), Is.EquivalentTo(Directory.GetFiles(b).Select(Path.GetFileName)));
    }

    /// <summary>The run's elapsed time and rate, which differ from run to run.</summary>
    private static string WithoutTimes(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output, @"\([0-9.]+ s, [0-9,]+ trials/s\)", "(T)");

    /// <summary>The real tool with (a log level set through <c>STEMSIM_</c>, so the host starts) or without a configuration variable.</summary>
    private static (int ExitCode, string Output, string Error) Stemsim(string[] arguments, string? logLevel)
    {
        var result = CliProcess.Run(
            RepositoryPaths.Root,
            environment =>
            {
                foreach (var name in environment.Keys.Where(n => n.StartsWith("STEMSIM_", StringComparison.OrdinalIgnoreCase)).ToArray())
                {
                    environment.Remove(name);
                }

                if (logLevel is not null)
                {
                    environment["STEMSIM_Logging__LogLevel__Default"] = logLevel;
                }
            },
            arguments);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
