using BenchmarkDotNet.Attributes;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Bench;

/// <summary>
/// The trial kernel on a 15-member Security Council draft (sampled votes, veto, and the exact conditional
/// programme the Council always runs), single-threaded; the reported time is per trial.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class SecurityCouncilBenchmarks
{
    /// <summary>Trials per block.</summary>
    public const int Trials = 16384;

    private TrialKernel _kernel = null!;
    private TrialBlock _block = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = Workloads.Load("sc-draft.yaml");
        _kernel = new TrialKernel(model);
        _block = Workloads.NewBlock(model, Trials);
    }

    /// <summary>sc-draft: substantive draft on the 2026 Council with a global and five bloc shocks.</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public void CouncilDraft() => _kernel.Run(_block, 0, Trials);
}
