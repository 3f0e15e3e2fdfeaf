using System.Diagnostics;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner;

/// <summary>
/// The real CLI's exit codes and messages in the cases of issue 18: option errors name the option and its range
/// (never a .NET type name, the whole help or the scenario's line), a stdout failure after the commit says the
/// output is complete, corrupt tables are named, bad configuration and low memory are one line with exit 1.
/// </summary>
public sealed class CliMessagesEndToEndTests
{
    private static readonly string Scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");

    [TestCase("--trials", "-1", "option '--trials' must be a whole number from 1 to 100,000,000, not '-1'")]
    [TestCase("--trials", "0", "option '--trials' must be a whole number from 1 to 100,000,000, not '0'")]
    [TestCase("--trials", "2147483648", "option '--trials' must be a whole number from 1 to 100,000,000, not '2147483648'")]
    [TestCase("--trials", "100000001", "option '--trials' must be a whole number from 1 to 100,000,000, not '100000001'")]
    [TestCase("--trials", "1e6", "option '--trials' must be a whole number from 1 to 100,000,000, not '1e6'")]
    [TestCase("--seed", "-1", "option '--seed' must be a whole number from 0 to 18,446,744,073,709,551,615, not '-1'")]
    public void Run_option_errors_name_the_option_and_its_range(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();

        var run = CliProcess.Run(folder.Path, "run", Scenario, option, value, "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Is.EqualTo($"error: {message}\nSee 'stemsim run --help' for the options.\n"));
        Assert.That(run.StandardOutput, Is.Empty, "no help text");
        Assert.That(Directory.GetFileSystemEntries(folder.Path), Is.Empty);
    }

    [Test]
    public void Report_format_error_lists_the_formats_without_type_names()
    {
        var report = CliProcess.Run(RepositoryPaths.Root, "report", "runs/none", "--format", "pdf");

        Assert.That(report.ExitCode, Is.EqualTo(2));
        Assert.That(report.StandardError, Does.StartWith("error: option '--format' must be html or md, not 'pdf'"));
        Assert.That(report.StandardError + report.StandardOutput, Does.Not.Contain("System.").And.Not.Contain("StemSimulator.").And.Not.Contain("Usage:"));
    }

    [Test]
    public void A_stdout_failure_after_the_commit_says_the_output_is_complete()
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("/dev/full does not exist on this machine");
        }

        using var folder = new TemporaryFolder();
        var shell = Shell(folder.Path, $"dotnet exec '{Dll}' run '{Scenario}' --trials 1000 --out out --json > /dev/full");

        Assert.That(shell.ExitCode, Is.EqualTo(1), shell.Error);
        // Warnings (e.g. the positions' age) may come first; the error is the last line.
        Assert.That(shell.Error.TrimEnd().Split('\n')[^1], Does.StartWith("error: cannot write to standard output: ").And.Contain("the output is complete: out"));
        Assert.That(shell.Error, Does.Not.Contain("removed"));
        Assert.That(File.Exists(folder.File("out/summary.parquet")), Is.True);
    }

    [TestCase("summary.parquet")]
    [TestCase("member_probabilities.parquet")]
    [TestCase("statistics.json")]
    public void A_corrupt_table_is_named_with_its_path(string file)
    {
        using var folder = new TemporaryFolder();
        Assert.That(CliProcess.Run(folder.Path, "run", Scenario, "--trials", "1000", "--out", "r", "--quiet").ExitCode, Is.Zero);
        string path = Path.Combine("r", file);
        using (var stream = new FileStream(folder.File(path), FileMode.Open))
        {
            stream.SetLength(Math.Min(stream.Length, 60));
        }

        var report = CliProcess.Run(folder.Path, "report", "r", "--quiet");

        Assert.That(report.ExitCode, Is.EqualTo(2), report.StandardError);
        Assert.That(report.StandardError, Does.Contain(path).And.Not.Contain("   at "));
        Assert.That(File.Exists(folder.File("r/briefing.html")), Is.False);
    }

    [Test]
    public void A_bad_log_level_is_one_line_with_exit_1()
    {
        var shell = Shell(RepositoryPaths.Root, $"STEMSIM_Logging__LogLevel__Default=loud dotnet exec '{Dll}' validate '{Scenario}'");

        Assert.That(shell.ExitCode, Is.EqualTo(1));
        Assert.That(shell.Error, Is.EqualTo("error: invalid configuration in the STEMSIM_ environment variables: Configuration value 'loud' is not supported.\n"));
    }

    [Test]
    public void Low_memory_is_one_line_with_exit_1_never_a_stack_trace()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("uses the shell's ulimit -v");
        }

        using var folder = new TemporaryFolder();
        int ours = 0;
        foreach (int kilobytes in new[] { 2_100_000, 2_250_000, 2_400_000, 2_550_000, 2_800_000 })
        {
            var shell = Shell(folder.Path, $"ulimit -v {kilobytes}; exec dotnet exec '{Dll}' run '{Scenario}' --trials 100000 --out out-{kilobytes} --quiet");
            TestContext.Out.WriteLine($"ulimit -v {kilobytes}: exit {shell.ExitCode}: {shell.Error}");

            // Never ours, however the process ended: an exception of our code that nothing caught.
            Assert.That(shell.Error, Does.Not.Contain("internal error").And.Not.Match(@"Unhandled exception\.[^\n]*\n(\s+at [^\n]*\n)*?\s+at StemSimulator\."));
            if (shell.ExitCode >= 128)
            {
                // Killed by a signal: the runtime failed fast on some thread (a JIT mapping "Fatal error.", the native
                // allocator's "Out of memory.", OpenSSL's "No usable version of libssl", a C++ "terminate called", a
                // segmentation fault), possibly after our own line. No managed code runs after that, so nothing of ours
                // could print or suppress it. Seen here at every limit from 2.1 to 2.7 GB, varying from one run to the
                // next at the same limit; such a limit says nothing about our handling.
                continue;
            }

            if (shell.ExitCode == 0)
            {
                continue;   // enough memory at this limit
            }

            // Ended by itself with a failure: ours, so one line, exit 1, no stack trace.
            Assert.That(shell.ExitCode, Is.EqualTo(1));
            Assert.That(shell.Error, Does.StartWith("error: ").And.Not.Contain("   at "), "one error line, no stack trace");
            Assert.That(shell.Error.TrimEnd('\n'), Does.Not.Contain("\n"), "one line");
            if (shell.Error.StartsWith("error: not enough memory", StringComparison.Ordinal))
            {
                ours++;
            }
        }

        if (ours == 0)
        {
            Assert.Ignore("at none of the limits tried did the runtime start and then run out of memory in our code on this machine");
        }
    }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "stemsim.dll");

    private static (int ExitCode, string Error) Shell(string folder, string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error);
    }
}
