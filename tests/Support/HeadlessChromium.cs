using System.Diagnostics;

namespace StemSimulator.Tests.Support;

/// <summary>
/// Debian's chromium in headless mode, for looking at HTML as a browser renders it. .ci/run installs it; on a machine
/// without it the browser tests are ignored, except under CI (CI=true), where they fail.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public static string Executable()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in Names)
        {
            foreach (string folder in folders)
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        const string message = "chromium is not installed (apt-get install -y chromium); .ci/run installs it";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return string.Empty;
    }

    /// <summary>Renders <paramref name="html"/> to a PNG screenshot of 1280x2000 pixels.</summary>
    public static void Screenshot(string html, string png, string profile) =>
        Run(html, profile, $"--screenshot={png}", "--window-size=1280,2000");

    /// <summary>The DOM after the page loaded, as the browser serialises it.</summary>
    public static string DumpDom(string html, string profile) => Run(html, profile, "--dump-dom");

    private static string Run(string html, string profile, params string[] mode)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
        }.Concat(mode))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(new Uri(Path.GetFullPath(html)).AbsoluteUri);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(true);
            Assert.Fail("chromium did not finish within 90 s");
        }

        Assert.That(process.ExitCode, Is.Zero, error.Result);
        return output.Result;
    }
}
