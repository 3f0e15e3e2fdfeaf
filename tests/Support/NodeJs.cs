using System.Diagnostics;

namespace StemSimulator.Tests.Support;

/// <summary>
/// Node.js, for running a test's script with a vendored JavaScript library (tests/Vendor). Found on the PATH, at
/// /usr/bin/node, or as the node binary the Microsoft.Playwright NuGet package (a test dependency, so restored wherever
/// the tests build) ships in the NuGet package folder; a test that needs it is ignored, not passed, where none is found.
/// </summary>
internal static class NodeJs
{
    /// <summary>The path of a node executable, or ignores the calling test when there is none.</summary>
    public static string Executable()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "node"))
            .Append("/usr/bin/node")
            .Concat(PlaywrightNodes());
        string? found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Ignore("no Node.js found (PATH, /usr/bin/node, or the Microsoft.Playwright package's node in the NuGet package folder)");
        }

        return found!;
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="input"/> on standard input; its standard output, or fails the test.</summary>
    public static string Run(string script, string input)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(true);
            Assert.Fail($"node {script} did not finish within 2 minutes");
        }

        Assert.That(process.ExitCode, Is.Zero, $"node {script} failed: {error.Result}");
        return output.Result;
    }

    /// <summary>The node binaries of every Microsoft.Playwright version in the NuGet package folder, newest first.</summary>
    private static IEnumerable<string> PlaywrightNodes()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string playwright = Path.Combine(packages, "microsoft.playwright");
        if (!Directory.Exists(playwright))
        {
            return [];
        }

        string platform = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : "win32_x64";
        string architecture = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x64";
        string folder = OperatingSystem.IsWindows() ? platform : $"{platform}-{architecture}";
        string binary = OperatingSystem.IsWindows() ? "node.exe" : "node";
        return Directory.GetDirectories(playwright)
            .OrderDescending(StringComparer.Ordinal)
            .Select(version => Path.Combine(version, ".playwright", "node", folder, binary));
    }
}
