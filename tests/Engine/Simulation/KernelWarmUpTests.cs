using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

public sealed class KernelWarmUpTests
{
    /// <summary>
    /// The methods a sampled General Assembly trial goes through, and the statistics' pass over each block, the pipeline's per-block steps and the Assembly's exact programme, which the estimator's pilot runs first (bench/README.md, "Cold start"): each must be compiled
    /// fully optimised from its first call, and the warm-up must find it, or a run's first blocks fall back to tier-0 code.
    /// </summary>
    [Test]
    public void The_per_trial_methods_are_hot_and_found()
    {
        var names = KernelWarmUp.HotMethods.Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToArray();

        Assert.That(names, Is.SupersetOf(new[]
        {
            "TrialKernel.Run", "TrialKernel.SimulateVote", "TrialKernel.Draw", "TrialKernel.DrawShocks",
            "TrialKernel.DecideDynamic", "TrialKernel.CountPivotalAssembly", "SimdMath.InverseNormal", "VoteStatistics.Add",
            "MonteCarloSimulator.AddBlock", "BlockPipeline.Take", "BlockPipeline.Release",
            "ExactAdoption.GeneralAssembly",
        }));
        Assert.DoesNotThrow(KernelWarmUp.Compile);
    }
}
