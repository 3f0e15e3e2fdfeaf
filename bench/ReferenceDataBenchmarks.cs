using BenchmarkDotNet.Attributes;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Bench;

/// <summary>
/// What every <c>run</c> and <c>validate</c> does before it simulates, warm (after BenchmarkDotNet's warm-up, so no
/// compilation): building the reference catalog from the embedded tables (states, blocs, Council terms, the calibrated
/// positions and roll calls, as the preloading thread does), and compiling the default scenario once more from its
/// bound document (as the assumption band compiles each of its ends). The allocations are the point as much as the
/// time: in a fresh process every megabyte allocated is a fresh megabyte of pages the kernel has to fault in.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class ReferenceDataBenchmarks
{
    private Func<string, ReferenceRecords> _embedded = null!;
    private ScenarioLoadResult _loaded = null!;
    private RunOverrides _overrides = null!;

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(Workloads.RepositoryRoot, "scenarios", "ga-hrc-suspension-2026.yaml");
        _loaded = ScenarioLoader.LoadFile(path);
        if (!_loaded.Succeeded)
        {
            throw new InvalidOperationException($"{path} does not load: {string.Join("; ", _loaded.Diagnostics)}");
        }

        _overrides = new RunOverrides();
        _embedded = ReferenceCatalog.EmbeddedText;
    }

    /// <summary>The embedded reference data parsed into a new catalog (the roll calls on a thread of their own).</summary>
    [Benchmark]
    public ReferenceCatalog BuildCatalog() => ReferenceCatalog.Load(_embedded);

    /// <summary>The default scenario (one Assembly vote and a variant, an analog population) compiled from its bound document.</summary>
    [Benchmark]
    public ScenarioLoadResult RecompileDefaultScenario()
    {
        var compiled = ScenarioLoader.Recompile(_loaded, _overrides);
        return compiled.Succeeded ? compiled : throw new InvalidOperationException("the default scenario no longer compiles");
    }
}
