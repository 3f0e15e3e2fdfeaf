using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace StemSimulator.Bench;

/// <summary>
/// What a user waits for: the real <c>stemsim</c> of the Release build (<c>src/Runner/bin/Release/net10.0</c>, built
/// with the benchmarks), started as a new process per operation, so every operation pays the runtime's start, the
/// host, loading the reference data and compiling whatever is not precompiled. Mean is the wall time of one command.
/// </summary>
/// <remarks>
/// The process writes into a temporary folder that is removed afterwards; its output streams are read and discarded.
/// A command that fails (non-zero exit code) throws, so the benchmark fails rather than timing an error message.
/// </remarks>
[MemoryDiagnoser(displayGenColumns: false)]
[Config(typeof(BenchConfig))]
public class ColdStartBenchmarks
{
    private string _stemsim = null!;
    private string _scenario = null!;
    private string _work = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stemsim = ReleaseRunner.Path;
        _scenario = Path.Combine(Workloads.RepositoryRoot, "scenarios", "ga-hrc-suspension-2026.yaml");
        _work = Directory.CreateTempSubdirectory("stemsim-cold-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    /// <summary><c>stemsim --version</c>: the runtime, the host and the command line, nothing else.</summary>
    [Benchmark]
    public int Version() => ReleaseRunner.Run(_stemsim, _work, "--version");

    /// <summary><c>stemsim validate</c> of the default scenario: adds the reference data and the scenario's compilation.</summary>
    [Benchmark]
    public int ValidateDefault() => ReleaseRunner.Run(_stemsim, _work, "validate", _scenario);

    /// <summary>
    /// <c>stemsim run</c> of the default scenario with 1,000 trials, tables written: a short run end to end, almost
    /// all of it fixed cost.
    /// </summary>
    [Benchmark]
    public int RunDefault1000Trials() =>
        ReleaseRunner.Run(_stemsim, _work, "run", _scenario, "--trials", "1000", "--out", Path.Combine(_work, "run"), "--force", "--quiet");
}

/// <summary>The Release build of <c>stemsim</c> and a way to run it to completion.</summary>
internal static class ReleaseRunner
{
    /// <summary>The apphost of the Release build; throws when it has not been built.</summary>
    public static string Path { get; } = Find();

    /// <summary>Runs <paramref name="path"/> with <paramref name="arguments"/> in <paramref name="folder"/>; returns its exit code, 0.</summary>
    /// <exception cref="InvalidOperationException">The command failed; the message has its standard error.</exception>
    public static int Run(string path, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? 0
            : throw new InvalidOperationException($"stemsim {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
    }

    private static string Find()
    {
        string name = OperatingSystem.IsWindows() ? "stemsim.exe" : "stemsim";
        string path = System.IO.Path.Combine(Workloads.RepositoryRoot, "src", "Runner", "bin", "Release", "net10.0", name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist: build the Release runner first (dotnet build src/Runner -c Release; the benchmarks' own build does it).");
    }
}
