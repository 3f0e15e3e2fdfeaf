using BenchmarkDotNet.Attributes;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Bench;

/// <summary>
/// The trial kernel on a 193-member General Assembly vote, single-threaded, without sinks or statistics: one
/// invocation fills one <see cref="TrialBlock"/>, and the reported time is per trial.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class GeneralAssemblyBenchmarks
{
    /// <summary>Trials per block for the sampled workloads.</summary>
    public const int SampledTrials = 4096;

    /// <summary>Trials per block for the exact conditional estimator (about a hundred times dearer per trial).</summary>
    public const int ExactTrials = 512;

    private TrialKernel _sampledKernel = null!;
    private TrialBlock _sampledBlock = null!;
    private TrialKernel _exactKernel = null!;
    private TrialBlock _exactBlock = null!;
    private TrialKernel _fixedKernel = null!;
    private TrialBlock _fixedBlock = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sampled = Workloads.Load("ga-8-blocs.yaml");
        _sampledKernel = new TrialKernel(sampled);
        _sampledBlock = Workloads.NewBlock(sampled, SampledTrials);

        var exact = Workloads.LoadWithExactEstimator("ga-8-blocs.yaml");
        _exactKernel = new TrialKernel(exact);
        _exactBlock = Workloads.NewBlock(exact, ExactTrials);

        var fixedProbabilities = Workloads.Load("ga-fixed-probabilities.yaml");
        _fixedKernel = new TrialKernel(fixedProbabilities);
        _fixedBlock = Workloads.NewBlock(fixedProbabilities, SampledTrials);
    }

    /// <summary>ga-8-blocs, sampled votes: global and eight bloc shocks, position uncertainty, absence.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SampledTrials)]
    public void SampledGlobalAnd8Blocs() => _sampledKernel.Run(_sampledBlock, 0, SampledTrials);

    /// <summary>ga-8-blocs with <c>estimator: exact</c>: sampled votes plus the exact conditional programme per trial.</summary>
    [Benchmark(OperationsPerInvoke = ExactTrials)]
    public void ExactConditional8Blocs() => _exactKernel.Run(_exactBlock, 0, ExactTrials);

    /// <summary>ga-fixed-probabilities: every member has fixed probabilities, no shocks.</summary>
    [Benchmark(OperationsPerInvoke = SampledTrials)]
    public void FixedProbabilities() => _fixedKernel.Run(_fixedBlock, 0, SampledTrials);
}
