using System.Diagnostics;

namespace StemSimulator.Tests.Support;

/// <summary>Runs the real <c>stemsim</c> tool (built beside the tests) as a separate process.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, _ => { }, arguments);

    /// <summary>As <see cref="Run(string, string[])"/>, with the child's environment adjusted by <paramref name="environment"/> first.</summary>
    public static Result Run(string workingDirectory, Action<IDictionary<string, string?>> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        environment(start.Environment);
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stemsim.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(true);
            Assert.Fail("stemsim did not finish within 5 minutes");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
