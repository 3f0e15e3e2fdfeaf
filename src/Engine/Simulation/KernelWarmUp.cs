using System.Reflection;
using System.Runtime.CompilerServices;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Compiles the simulation kernel's hot methods before the first block needs them, so a caller with a core to spare
/// (the runner while it loads the scenario) takes the compilation off the simulation's critical path.
/// </summary>
/// <remarks>
/// The hot methods are those of the kernel (and of the statistics and the pipeline that consume its blocks) marked <see cref="MethodImplOptions.AggressiveOptimization"/>: they are
/// compiled once, fully optimised, on first use (no tier-0 code, no re-compilation), so compiling them here is the
/// same compilation the first block would do, only earlier; nothing about the results changes. Generic methods are
/// left to their first use (their instantiations are not known here).
/// </remarks>
public static class KernelWarmUp
{
    /// <summary>
    /// The kernel's methods marked for full optimisation from the first call that a run goes through: all but the
    /// what-if recount's (<see cref="WhatIfRecountAttribute"/>), which a run never calls.
    /// </summary>
    internal static IReadOnlyList<MethodInfo> HotMethods { get; } = FindHotMethods();

    /// <summary>Compiles every hot method (at most once per process; later calls return at once). Thread-safe.</summary>
    public static void Compile()
    {
        foreach (var method in HotMethods)
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
    }

    private static MethodInfo[] FindHotMethods() =>
        new[] { typeof(TrialKernel), typeof(SimdMath), typeof(VoteStatistics), typeof(MonteCarloSimulator), typeof(BlockPipeline), typeof(ExactAdoption) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsGenericMethodDefinition && m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization))
            .Where(m => m.GetCustomAttribute<WhatIfRecountAttribute>() is null)
            .ToArray();
}
