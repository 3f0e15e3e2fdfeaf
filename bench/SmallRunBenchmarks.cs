using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Running;

namespace StemSimulator.Bench;

/// <summary>
/// A short <c>stemsim run</c> end to end inside this process, after warm-up: <see cref="RunService"/> loads and
/// compiles the default scenario, picks the estimator, simulates 1,000 trials on every core and writes the run folder
/// (trials.parquet, the tables, statistics.json). Beside <see cref="ColdStartBenchmarks"/> it separates what a short
/// run costs once compiled from what a new process adds. Mean is the time of one whole run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class SmallRunBenchmarks
{
    private RunService _service = null!;
    private RunRequest _request = null!;
    private string _work = null!;

    [GlobalSetup]
    public void Setup()
    {
        _work = Directory.CreateTempSubdirectory("stemsim-small-").FullName;
        var quiet = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        _service = new RunService(new ConsoleStreams(quiet, TextWriter.Null, quiet, errorIsTerminal: false), TimeProvider.System, NullLogger<RunService>.Instance);
        _request = new RunRequest
        {
            ScenarioPath = Path.Combine(Workloads.RepositoryRoot, "scenarios", "ga-hrc-suspension-2026.yaml"),
            Trials = 1000,
            OutputFolder = Path.Combine(_work, "run"),
            Force = true,
            Quiet = true,
        };
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    /// <summary>The default scenario, 1,000 trials, all cores, tables written; throws if the run fails.</summary>
    [Benchmark]
    public async Task<int> RunDefault1000Trials()
    {
        int code = await _service.RunAsync(_request, CancellationToken.None).ConfigureAwait(false);
        return code == ExitCodes.Success ? code : throw new InvalidOperationException($"the run exited with {code}");
    }
}
