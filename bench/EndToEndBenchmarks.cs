using BenchmarkDotNet.Attributes;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Bench;

/// <summary>
/// <c>MonteCarloSimulator.Run</c> on every core with no sink: the kernel plus block scheduling and the
/// running statistics. The reported time is per trial over the whole machine (not per core).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class EndToEndBenchmarks
{
    /// <summary>Trials per run.</summary>
    public const int Trials = 65536;

    private SimulationModel _generalAssembly = null!;
    private SimulationModel _council = null!;
    private SimulationOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generalAssembly = Workloads.Load("ga-8-blocs.yaml");
        _council = Workloads.Load("sc-draft.yaml");
        _options = new SimulationOptions { Threads = Environment.ProcessorCount, TrialCount = Trials };
    }

    /// <summary>ga-8-blocs, sampled, all threads.</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public SimulationResult GeneralAssemblyAllThreads() => MonteCarloSimulator.Run(_generalAssembly, _options);

    /// <summary>sc-draft, all threads.</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public SimulationResult CouncilAllThreads() => MonteCarloSimulator.Run(_council, _options);
}
