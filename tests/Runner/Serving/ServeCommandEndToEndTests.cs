using System.Diagnostics;
using System.Text.RegularExpressions;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Serving;

/// <summary>The real <c>stemsim serve</c> process: it prints its address, answers there, and Ctrl+C ends it with 130.</summary>
public sealed partial class ServeCommandEndToEndTests
{
    [Test]
    public async Task Serve_prints_its_address_answers_there_and_exits_with_130_when_interrupted()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "stemsim.dll"), "serve", "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var firstLine = process.StandardOutput.ReadLineAsync();
            Assert.That(await Task.WhenAny(firstLine, Task.Delay(TimeSpan.FromMinutes(2))), Is.SameAs(firstLine), "the address within two minutes");
            var match = Address().Match(firstLine.Result ?? string.Empty);
            Assert.That(match.Success, Is.True, firstLine.Result);

            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            string page = await client.GetStringAsync(match.Value);
            Assert.That(page, Does.Contain("What-if explorer"));

            // SIGTERM, which the tool treats as Ctrl+C (SIGINT): a process started from a background job inherits
            // SIGINT ignored, so SIGINT would test the shell, not the tool.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(20)), Is.True, "stopped after Ctrl+C");
            Assert.That(process.ExitCode, Is.EqualTo(130));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(true);
            }
        }
    }

    [Test]
    public void An_address_other_machines_reach_needs_allow_remote()
    {
        var run = CliProcess.Run(RepositoryPaths.Root, "serve", "--host", "0.0.0.0", "--port", "0");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("--allow-remote"));
        Assert.That(run.StandardError, Does.Not.Contain("   at "), "a message, not a stack trace");
    }

    [Test]
    public void A_host_that_is_not_an_address_is_refused()
    {
        var run = CliProcess.Run(RepositoryPaths.Root, "serve", "--host", "example.org", "--port", "0");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("--host must be an IP address"));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex Address();
}
