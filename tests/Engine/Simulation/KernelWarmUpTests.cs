using System.Reflection;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
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
            "MonteCarloSimulator.AddBlock", "BlockPipeline.Take", "BlockPipeline.Release", "BlockPipeline.ThrowIfStopped",
            "ExactAdoption.GeneralAssembly",
        }));
        Assert.DoesNotThrow(KernelWarmUp.Compile);
    }

    /// <summary>
    /// The what-if recount's methods (the server's changed members) stay fully optimised from their first call, but a
    /// run never calls them, so the run's warm-up does not compile them on its preloading thread.
    /// </summary>
    [Test]
    public void The_what_if_recount_is_hot_but_left_out_of_a_runs_warm_up()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var recount = typeof(TrialKernel).GetMethods(all).Where(m => m.GetCustomAttribute<WhatIfRecountAttribute>() is not null).ToArray();

        Assert.That(recount.Select(m => m.Name), Is.EquivalentTo(new[]
        {
            "SimulateChangedMembers", "CountSwingsOfWholeTrial", "MayBePivotal", "MemberShocks", "DecideChanged", "FlushChangedMemberCounts",
        }));
        Assert.That(recount.Where(m => !m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization)).Select(m => m.Name), Is.Empty);
        Assert.That(KernelWarmUp.HotMethods.Intersect(recount).Select(m => m.Name), Is.Empty);
    }

    /// <summary>
    /// The small methods the kernel calls for every trial and vote: marked for inlining, so the fully optimised kernel
    /// holds their code instead of calling precompiled code that the tiering re-compiles during a run (bench/README.md,
    /// "Cold start, fifth round").
    /// </summary>
    [Test]
    public void The_per_trial_callees_are_inlined()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var callees = new[]
        {
            typeof(VoteModel).GetMethod(nameof(VoteModel.IsAdopted), all), typeof(VoteModel).GetMethod(nameof(VoteModel.VetoedBy), all),
            typeof(MajorityRules).GetMethod(nameof(MajorityRules.IsAdopted), all), typeof(MajorityRules).GetMethod(nameof(MajorityRules.NoWeight), all),
            typeof(MajorityRules).GetMethod(nameof(MajorityRules.MinimumMargin), all), typeof(MajorityRules).GetMethod(nameof(MajorityRules.RequiresAYes), all),
            typeof(GeneralAssemblyRules).GetMethod(nameof(GeneralAssemblyRules.IsAdopted), all),
            typeof(AnalogShiftDistribution).GetMethod(nameof(AnalogShiftDistribution.Pick), all),
            typeof(AnalogShiftDistribution).GetMethod(nameof(AnalogShiftDistribution.OffsetFor), all),
            typeof(AnalogShiftDistribution).GetProperty(nameof(AnalogShiftDistribution.IsMixture), all)!.GetMethod,
            typeof(VotePlan).GetMethod(nameof(VotePlan.AnalogOffset), all),
        };

        Assert.That(callees, Has.None.Null);
        Assert.That(callees.Where(m => !m!.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveInlining)).Select(m => m!.Name), Is.Empty);
    }
}
