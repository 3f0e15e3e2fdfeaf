using System.Diagnostics;
using System.Globalization;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// Loads and runs a scenario held in memory, the way <c>stemsim run</c> does (the same loader, estimator choice,
/// simulator and tables), without writing anything: the tables are made in memory and read back
/// (<see cref="EvaluatedRun"/>). What-ifs of a scenario reuse its baseline's recorded trials
/// (<see cref="BaselineRecord"/>), which gives the same numbers as simulating it again.
/// </summary>
internal sealed class ScenarioEvaluator(ServeOptions options, TimeProvider clock)
{
    /// <summary>The name scenarios from requests go by in messages and provenance.</summary>
    public const string FileName = "scenario.yaml";

    /// <summary>Scenario texts remembered as loading without errors (by SHA-256), at most.</summary>
    private const int RememberedScenarios = 16;

    private readonly BaselineCache _baselines = new();
    private readonly LinkedList<string> _loadedBefore = new();

    /// <summary>Loads a scenario from its bytes; no file is read for it (a calibration table named in it is an error).</summary>
    public static ScenarioLoadResult Load(byte[] bytes) => ScenarioLoader.Load(FileName, bytes, new RunOverrides { ReadsNoFiles = true });

    /// <summary>
    /// Whether a scenario text (by its SHA-256) loaded without errors before: the what-ifs of a page follow each other on
    /// one scenario, and only the text with their changes needs loading again.
    /// </summary>
    public bool LoadedBefore(string sha256)
    {
        lock (_loadedBefore)
        {
            return _loadedBefore.Contains(sha256);
        }
    }

    /// <summary>Remembers that a scenario text loaded without errors (the last <see cref="RememberedScenarios"/>).</summary>
    public void RememberLoaded(string sha256)
    {
        lock (_loadedBefore)
        {
            if (!_loadedBefore.Remove(sha256) && _loadedBefore.Count >= RememberedScenarios)
            {
                _loadedBefore.RemoveLast();
            }

            _loadedBefore.AddFirst(sha256);
        }
    }

    /// <summary>Why the server will not run a scenario that loaded (nothing to simulate, too many trials or too much work), or null when it will.</summary>
    public string? Refusal(ScenarioLoadResult loaded)
    {
        var model = loaded.Model!;
        var invariant = CultureInfo.InvariantCulture;
        if (model.VoteCount == 0 && model.ElectionCount == 0)
        {
            return "the scenario has neither votes nor elections: nothing to simulate";
        }

        if (model.Trials > options.MaxTrials)
        {
            return string.Create(invariant, $"trials: {model.Trials:N0} trials; the server runs at most {options.MaxTrials:N0} (stemsim run runs more)");
        }

        long work = model.Trials * model.Variants.Count * model.VoteCount;
        if (work > options.MaxWork)
        {
            return string.Create(invariant, $"{model.Trials:N0} trials x {model.Variants.Count} variants x {model.VoteCount} votes is {work:N0}; the server simulates at most {options.MaxWork:N0} a request");
        }

        long ballots = model.Trials * model.Variants.Count * model.ElectionCount;
        return ballots > options.MaxElectionWork
            ? string.Create(invariant, $"{model.Trials:N0} trials x {model.Variants.Count} variants x {model.ElectionCount} elections is {ballots:N0}; the server simulates at most {options.MaxElectionWork:N0} elections a request (stemsim run simulates more)")
            : null;
    }

    /// <summary>Runs a loaded scenario as <c>stemsim run</c> does, the band over the analog's plausible spread included.</summary>
    public Task<EvaluatedRun> RunAsync(ScenarioLoadResult loaded, CancellationToken cancellationToken) =>
        EvaluateAsync(loaded, null, band: true, concernedParty: false, cancellationToken);

    /// <summary>
    /// Runs a loaded scenario.
    /// </summary>
    /// <param name="loaded">The scenario (it loaded and <see cref="Refusal"/> let it through).</param>
    /// <param name="baselineKey">
    /// What identifies its baseline (the text and trials of the scenario a what-if changes): the baseline recorded
    /// under it is reused, or recorded for the next; null to simulate every variant.
    /// </param>
    /// <param name="band">Whether to simulate the band over the analog's plausible spread, as <c>stemsim run</c> does.</param>
    /// <param name="concernedParty">Whether to make the concerned party's table (for a briefing).</param>
    /// <param name="cancellationToken">Stops the simulations.</param>
    /// <param name="timing">Told where each phase ends (estimator, simulate, elections, band, tables); may be null.</param>
    public async Task<EvaluatedRun> EvaluateAsync(ScenarioLoadResult loaded, string? baselineKey, bool band, bool concernedParty, CancellationToken cancellationToken, ServerTiming? timing = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var created = clock.GetUtcNow();
        int threads = Math.Max(1, options.Threads);
        var simulation = new SimulationOptions { Threads = threads, BlockSize = BlockSize(loaded.Model!.Trials, threads) };
        var (model, result, elections, ends) = await Task.Run(
            () =>
            {
                // A scenario may have votes, elections or both, as for 'stemsim run'; the elections need no estimator.
                var (resolved, run) = loaded.Model!.VoteCount > 0
                    ? Simulate(loaded.Model!, baselineKey, simulation, timing, cancellationToken)
                    : (loaded.Model!, null);
                var held = resolved.ElectionCount > 0 ? ElectionSimulator.Run(resolved, simulation, null, null, cancellationToken) : null;
                if (held is not null)
                {
                    timing?.Mark("elections");
                }

                // The band over the analog's plausible spread, as 'stemsim run' computes it (its --json carries it).
                var bandStates = band && run is not null
                    ? AssumptionBandRun.Simulate(loaded, new RunOverrides { ReadsNoFiles = true }, resolved, 0, resolved.Trials, simulation.Threads, cancellationToken)
                    : null;
                if (bandStates is not null)
                {
                    timing?.Mark("band");
                }

                return (resolved, run, held, bandStates);
            },
            cancellationToken).ConfigureAwait(false);
        var evaluated = await EvaluatedRun.TabulateAsync(loaded, model, result, elections, ends, created, stopwatch.Elapsed.TotalSeconds, concernedParty, cancellationToken, timing).ConfigureAwait(false);
        timing?.Mark("statistics");
        return evaluated;
    }

    /// <summary>
    /// Trials a block for a request's simulation: at least <see cref="BlocksPerWorker"/> blocks per worker, so that
    /// the workers finish within a small block of each other rather than one idling while the other runs a large last
    /// block (a request is short, and its wall time is what the page waits for), between 1,024 and the engine's default
    /// of 8,192. The results do not depend on it.
    /// </summary>
    internal static int BlockSize(long trials, int threads) =>
        (int)Math.Clamp(trials / ((long)threads * BlocksPerWorker), 1024, new SimulationOptions().BlockSize);

    /// <summary>Blocks each worker should get at least, for <see cref="BlockSize"/>.</summary>
    private const int BlocksPerWorker = 16;

    /// <summary>
    /// Resolves the estimators and simulates: with the baseline recorded under <paramref name="baselineKey"/> only the
    /// other variants (their estimators chosen by the same pilot, which looks at each variant's own trials), else all,
    /// recording the baseline for the next what-if.
    /// </summary>
    private (SimulationModel Model, SimulationResult? Result) Simulate(SimulationModel model, string? baselineKey, SimulationOptions simulation, ServerTiming? timing, CancellationToken cancellationToken)
    {
        int threads = simulation.Threads;
        if (baselineKey is null || model.Variants.Count < 2 || !BaselineRecord.CanRecord(model))
        {
            var resolved = EstimatorSelection.Resolve(model, threads, cancellationToken);
            timing?.Mark("estimator");
            var all = MonteCarloSimulator.Run(resolved, simulation, cancellationToken: cancellationToken);
            timing?.Mark("simulate");
            return (resolved, all);
        }

        if (_baselines.Find(baselineKey) is { } record && record.Seed == model.Seed && record.FirstTrial == 0 && record.Trials == model.Trials)
        {
            var others = EstimatorSelection.Resolve(new SimulationModel(model.Seed, model.Trials, model.Variants.Skip(1).ToArray()), threads, cancellationToken);
            var resolved = new SimulationModel(model.Seed, model.Trials, [record.Variant, .. others.Variants]);
            timing?.Mark("estimator");
            var variants = MonteCarloSimulator.Run(resolved, simulation, record, null, null, cancellationToken);
            timing?.Mark("simulate");
            return (resolved, variants);
        }

        var full = EstimatorSelection.Resolve(model, threads, cancellationToken);
        timing?.Mark("estimator");
        var (result, recorded) = BaselineRecord.RunAndRecord(full, simulation, cancellationToken);
        timing?.Mark("simulate-baseline");
        _baselines.Add(baselineKey, recorded);
        return (full, result);
    }
}
