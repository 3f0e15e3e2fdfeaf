using System.Text;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Scenarios;

namespace StemSimulator.Bench;

/// <summary>Finds and loads the reference workloads of <c>scenarios/bench/</c>.</summary>
internal static class Workloads
{
    /// <summary>The repository root: the first folder above the running assembly that holds StemSimulator.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The path of a workload, e.g. <c>ga-8-blocs.yaml</c>.</summary>
    public static string PathOf(string file) => Path.Combine(RepositoryRoot, "scenarios", "bench", file);

    /// <summary>Loads and compiles a workload; throws with the diagnostics when it does not load.</summary>
    public static SimulationModel Load(string file) => Compile(PathOf(file), File.ReadAllBytes(PathOf(file)));

    /// <summary>
    /// Loads a workload whose votes declare <c>estimator: sampled</c> and switches them to <c>estimator: exact</c>,
    /// so the exact conditional programme runs on exactly the same scenario.
    /// </summary>
    public static SimulationModel LoadWithExactEstimator(string file)
    {
        string path = PathOf(file);
        string text = File.ReadAllText(path, Encoding.UTF8);
        const string Sampled = "estimator: sampled";
        if (!text.Contains(Sampled, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} has no '{Sampled}' to switch to the exact estimator.");
        }

        var model = Compile(path, Encoding.UTF8.GetBytes(text.Replace(Sampled, "estimator: exact", StringComparison.Ordinal)));
        if (model.Variants.SelectMany(v => v.Votes).Any(v => v.Estimator != OutcomeEstimator.ExactConditional))
        {
            throw new InvalidOperationException($"{path}: the estimator did not switch to exact.");
        }

        return model;
    }

    /// <summary>A block sized for <paramref name="trials"/> trials of <paramref name="model"/>, as MonteCarloSimulator makes them.</summary>
    public static TrialBlock NewBlock(SimulationModel model, int trials) =>
        TrialKernel.NewBlock(TrialKernel.Plan(model), trials);

    private static SimulationModel Compile(string path, byte[] bytes)
    {
        var loaded = ScenarioLoader.Load(path, bytes);
        if (!loaded.Succeeded || loaded.Model is null)
        {
            throw new InvalidOperationException(
                $"Cannot load {path}:{Environment.NewLine}" + string.Join(Environment.NewLine, loaded.Diagnostics.Select(d => d.ToString())));
        }

        return EstimatorSelection.Resolve(loaded.Model);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StemSimulator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds StemSimulator.sln; run the benchmarks from the repository.");
    }
}
