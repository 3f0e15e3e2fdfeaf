using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Elections;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Running;

/// <summary>
/// Runs a scenario (or one shard of it) end to end: load and check it, simulate, write the Parquet tables and the
/// exact statistics into a folder that appears whole or not at all, and show the headline numbers.
/// </summary>
internal sealed partial class RunService(ConsoleStreams console, TimeProvider clock, ILogger<RunService> logger)
{
    /// <summary>
    /// A floor on the size of a trials.parquet row (measured: 20-25 bytes), so the free-space check before a run
    /// refuses only runs that certainly cannot fit and never one that would.
    /// </summary>
    internal const long MinimumBytesPerRow = 4;

    public async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var timings = new RunTimings();
        // No wait for the reference catalog here: the loader reads, shape-checks and binds the scenario while the
        // preloading thread finishes the catalog, and waits for it only to compile (the wait is in the scenario phase).
        var overrides = new RunOverrides { Trials = request.Trials, Seed = request.Seed, CalibrationFile = request.CalibrationFile };
        var loaded = ScenarioLoader.LoadFile(request.ScenarioPath, overrides);
        if (!loaded.Succeeded)
        {
            return RefuseScenario(request, loaded);
        }

        timings.Lap("scenario");
        // The trials and the threads are the scenario's and the request's, whatever the estimators: checked before any work.
        if (Check(request, loaded.Model!.Trials) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var shard = request.ShardCount is { } shardCount ? new Shard(request.ShardIndex!.Value, shardCount) : Shard.Whole;
        var (firstTrial, trialCount) = shard.TrialsOf(loaded.Model.Trials);
        using var bandStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bandRun = StartBand(request, loaded, overrides, firstTrial, trialCount, bandStop.Token);
        try
        {
            // The pilot on every worker: the choice does not depend on their number (its sums are exact).
            var model = EstimatorSelection.Resolve(loaded.Model, request.Threads ?? Environment.ProcessorCount, cancellationToken);
            timings.Lap("estimator");
            var plan = new RunPlan(request, loaded, overrides, model, shard, firstTrial, trialCount, timings, bandRun);
            return await RunPlannedAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A run refused or failed before it took the band's result: the band stops, and nothing of it outlives the run.
            await bandStop.CancelAsync().ConfigureAwait(false);
            await ((Task)bandRun).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Starts the assumption band (<see cref="AssumptionBandRun"/>) on the thread pool as soon as the scenario is
    /// loaded: it needs only the scenario's bytes, the overrides and the analog spreads, none of which the estimators'
    /// choice changes, so it compiles and simulates while the pilot runs and the run simulates, off the critical path.
    /// </summary>
    private static Task<IReadOnlyList<AssumptionBandState>?> StartBand(RunRequest request, ScenarioLoadResult loaded, RunOverrides overrides, long firstTrial, long trialCount, CancellationToken cancellationToken)
    {
        var model = loaded.Model!;
        int threads = request.Threads ?? Environment.ProcessorCount;
        return model.VoteCount > 0
            ? Task.Run(() => AssumptionBandRun.Simulate(loaded, overrides, model, firstTrial, trialCount, threads, cancellationToken), cancellationToken)
            : Task.FromResult<IReadOnlyList<AssumptionBandState>?>(null);
    }

    /// <summary>Checks the run's size, prepares its folder and runs it there.</summary>
    private async Task<int> RunPlannedAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        if (CheckMemberVotes(plan) is { } tooLarge)
        {
            console.Error.WriteLine($"error: {tooLarge}");
            return ExitCodes.InvalidInput;
        }

        var (folder, folderProblem) = RunFolder.Prepare(TargetOf(plan), plan.Request.Force, "run", [plan.Request.ScenarioPath]);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {folderProblem}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            try
            {
                return await RunInFolderAsync(plan, folder, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }
        }
    }

    /// <summary>
    /// What one run works from: the request, the compiled scenario, this shard's trials and the band, already started
    /// (<see cref="StartBand"/>).
    /// </summary>
    private sealed record RunPlan(
        RunRequest Request, ScenarioLoadResult Loaded, RunOverrides Overrides, SimulationModel Model, Shard Shard, long FirstTrial, long TrialCount, RunTimings Timings,
        Task<IReadOnlyList<AssumptionBandState>?> BandRun)
    {
        public Scenarios.Document.ScenarioDocument Document => Loaded.Document!;
    }

    private int RefuseScenario(RunRequest request, ScenarioLoadResult loaded)
    {
        foreach (var diagnostic in loaded.Diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        console.Error.WriteLine($"{loaded.Diagnostics.Count} error(s) in {request.ScenarioPath}; nothing was run.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>
    /// With <c>--member-votes</c>: states the table's size on standard error (unless quiet) and refuses a run over
    /// <see cref="MemberVotesFile.MaxRows"/>; null when the run may go on.
    /// </summary>
    private string? CheckMemberVotes(RunPlan plan)
    {
        if (!plan.Request.MemberVotes || plan.Model.VoteCount == 0)
        {
            return null;
        }

        long rows = MemberVotesFile.MaximumRows(plan.Model, plan.TrialCount);
        if (MemberVotesFile.Refusal(rows, plan.TrialCount, plan.Shard.Count) is { } refusal)
        {
            return refusal;
        }

        if (!plan.Request.Quiet)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"member_votes/: up to {rows:N0} rows ({plan.TrialCount:N0} trials x {rows / Math.Max(1, plan.TrialCount):N0} member votes a trial), about {MemberVotesFile.Megabytes(rows)}"));
        }

        return null;
    }

    private static string TargetOf(RunPlan plan) => plan.Request.OutputFolder ?? (plan.Shard.IsWhole
        ? Path.Combine("runs", plan.Document.Scenario)
        : Path.Combine("runs", plan.Document.Scenario, string.Create(CultureInfo.InvariantCulture, $"shard-{plan.Shard.Index}")));

    /// <summary>Simulates, writes every table into the folder, makes it appear and shows the results.</summary>
    private async Task<int> RunInFolderAsync(RunPlan plan, RunFolder folder, CancellationToken cancellationToken)
    {
        var model = plan.Model;
        long rows = plan.TrialCount * model.Variants.Count * model.VoteCount;
        long memberVoteRows = plan.Request.MemberVotes ? MemberVotesFile.MaximumRows(model, plan.TrialCount) : 0;
        if (folder.CheckFreeSpace((rows + memberVoteRows) * MinimumBytesPerRow) is { } full)
        {
            console.Error.WriteLine($"error: {full}");
            return ExitCodes.RuntimeFailure;
        }

        var ages = PositionAgesOf(plan);
        var provenance = ProvenanceOf(plan, ages);
        var options = new SimulationOptions
        {
            Threads = plan.Request.Threads ?? Environment.ProcessorCount,
            FirstTrial = plan.FirstTrial,
            TrialCount = plan.TrialCount,
        };
        LogStarting(logger, plan.Document.Scenario, plan.TrialCount, plan.FirstTrial, model.Seed, options.Threads);
        var stopwatch = Stopwatch.StartNew();
        // The band reruns the votes at the ends of the analogs' plausible spreads (common random numbers); it started
        // when the scenario was loaded and simulates beside the pilot and the run.
        var bandRun = plan.BandRun;
        var (simulated, elections) = await SimulateBesideAsync(plan, options, folder, provenance, bandRun, cancellationToken).ConfigureAwait(false);
        await using var trialFiles = simulated; // finished beside what follows; disposing waits for them, so no failure removes the folder under them
        var result = simulated?.Result;
        double seconds = stopwatch.Elapsed.TotalSeconds;
        plan.Timings.Lap("simulate");
        // The tables that need only the simulation's result are written while the band finishes (each compiles its
        // own writer code on first use); every one of them is awaited before the folder appears or is removed.
        var resultTables = StartResultTables(plan, folder, result, provenance, cancellationToken);
        RunStatistics statistics;
        try
        {
            var band = await bandRun.ConfigureAwait(false);
            plan.Timings.Lap("band");
            statistics = StatisticsOf(plan, result, elections, band);
        }
        catch
        {
            // Nothing may still be writing into a folder that is about to be removed; the band's failure is the one reported.
            await Task.WhenAny(resultTables).ConfigureAwait(false);
            throw;
        }

        await WriteFolderAsync(plan, folder, resultTables, statistics, simulated?.Written, cancellationToken).ConfigureAwait(false);
        plan.Timings.Lap("tables");
        await ReportAsync(plan, folder, result, elections, statistics, seconds, ages, cancellationToken).ConfigureAwait(false);
        plan.Timings.Lap("report");
        if (plan.Request.Timings)
        {
            console.Error.WriteLine(plan.Timings.Describe());
            console.Error.WriteLine(plan.Timings.DescribeCpu());
            console.Error.WriteLine(plan.Timings.DescribeAllocations());
            console.Error.WriteLine(RunTimings.DescribeGarbageCollection());
        }

        return ExitCodes.Success;
    }

    /// <summary>What statistics.json holds: the run's exact statistics and the band's.</summary>
    private static RunStatistics StatisticsOf(RunPlan plan, SimulationResult? result, ElectionRunResult? elections, IReadOnlyList<AssumptionBandState>? band) =>
        new(
            plan.Document.Scenario, plan.Loaded.Sha256, plan.Model.Seed, plan.Model.Trials, plan.Shard.Count, [plan.Shard.Index], Provenance.EngineVersion,
            result?.Votes.Select(v => v.ToState()).ToArray() ?? [],
            elections?.Elections.Select(e => e.Tally.ToState(e.Variant)).ToArray(),
            result is { Drift.Count: > 0 } ? result.Drift.Select(d => d.ToState()).ToArray() : null,
            band);

    /// <summary>
    /// Simulates the votes and the elections (a scenario may have either or both; each writes its own tables) while
    /// <paramref name="bandRun"/> runs; when they fail, the band has stopped before the failure is passed on.
    /// </summary>
    private async Task<(SimulatedVotes? Votes, ElectionRunResult? Elections)> SimulateBesideAsync(
        RunPlan plan, SimulationOptions options, RunFolder folder, Provenance provenance, Task bandRun, CancellationToken cancellationToken)
    {
        SimulatedVotes? simulated = null;
        try
        {
            simulated = plan.Model.VoteCount > 0 ? await SimulateVotesAsync(plan, options, folder, provenance, cancellationToken).ConfigureAwait(false) : null;
            var elections = plan.Model.ElectionCount > 0
                ? await ElectionOutputs.WriteAsync(plan.Model, options, folder.PathOf, plan.Shard, provenance, cancellationToken).ConfigureAwait(false)
                : null;
            return (simulated, elections);
        }
        catch
        {
            // The run's failure is the one reported, as when the band ran after it; nothing may still be writing the
            // trial files when the folder is removed.
            if (simulated is not null)
            {
                await simulated.DisposeAsync().ConfigureAwait(false);
            }

            await Task.WhenAny(bandRun).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>How old the positions are at each vote; their warnings go to standard error unless the run is quiet.</summary>
    private IReadOnlyList<PositionAge> PositionAgesOf(RunPlan plan)
    {
        var ages = plan.Model.VoteCount > 0 && plan.Loaded.PositionsYear is { } positionsYear
            ? PositionAge.Of(plan.Model, positionsYear, plan.Loaded.PositionStepSd, plan.Loaded.EvidenceYear)
            : [];
        if (!plan.Request.Quiet)
        {
            foreach (var warning in ages.Select(a => a.Warning()).OfType<string>())
            {
                console.Error.WriteLine(warning);
            }
        }

        return ages;
    }

    private Provenance ProvenanceOf(RunPlan plan, IReadOnlyList<PositionAge> ages)
    {
        var (model, loaded, shard) = (plan.Model, plan.Loaded, plan.Shard);
        return new Provenance(
            plan.Document.Scenario, plan.Request.ScenarioPath, loaded.Sha256, model.Seed, model.Trials,
            string.Create(CultureInfo.InvariantCulture, $"{shard.Index}/{shard.Count}"),
            shard.IsWhole ? clock.GetUtcNow() : null)
        {
            Calibration = loaded.Calibration,
            PositionsYear = model.VoteCount > 0 ? loaded.PositionsYear : null,
            PositionsAge = ages.Count > 0 ? PositionAge.Metadata(ages) : null,
            ScenarioText = ScenarioCopy.TextOf(loaded.Bytes),
            Given = GivenSummary.Metadata(model.Variants.SelectMany(v => v.Votes.Select(vote => (v.Name, vote.Description)))),
            Evidence = loaded.Evidence.Count > 0 ? Scenarios.Evidence.EvidenceSource.Metadata(loaded.Evidence) : null,
        };
    }

    /// <summary>
    /// Starts writing, on thread-pool threads, the tables that need only the simulation's result and the model: the
    /// vote tables (summary.parquet, member_probabilities.parquet, the drift tables) and the party concerned's table.
    /// </summary>
    private static Task StartResultTables(RunPlan plan, RunFolder folder, SimulationResult? result, Provenance provenance, CancellationToken cancellationToken)
    {
        var votes = result is null ? Task.CompletedTask : Task.Run(() => WriteVoteTablesAsync(folder, result, provenance, cancellationToken), cancellationToken);
        var concerned = plan.Model.VoteCount > 0 && ConcernedPartyTable.Applies(plan.Model)
            ? Task.Run(
                async () =>
                {
                    await using var concernedFile = File.Create(folder.PathOf(ConcernedPartyTable.FileName));
                    await ConcernedPartyTable.WriteAsync(plan.Model, concernedFile, provenance, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken)
            : Task.CompletedTask;
        return Task.WhenAll(votes, concerned);
    }

    /// <summary>
    /// statistics.json and the scenario's copy, written while <paramref name="resultTables"/> finish; then, once the
    /// trial files (<paramref name="trialsWritten"/>, null when there are none) are complete too, the folder appears.
    /// Every writer has finished (or failed) before this returns.
    /// </summary>
    private static async Task WriteFolderAsync(RunPlan plan, RunFolder folder, Task resultTables, RunStatistics statistics, Task? trialsWritten, CancellationToken cancellationToken)
    {
        var json = Task.Run(() => StatisticsFile.WriteAsync(folder.PathOf(StatisticsFile.Name), statistics, cancellationToken), cancellationToken);
        var copy = Task.Run(() => ScenarioCopy.WriteAsync(folder, plan.Loaded.Bytes, cancellationToken), cancellationToken);
        await Task.WhenAll(resultTables, json, copy).ConfigureAwait(false);

        if (trialsWritten is not null)
        {
            await trialsWritten.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
    }

    /// <summary>What the console shows: the JSON object, the CSV rows, or the tables (nothing when quiet).</summary>
    private async Task ReportAsync(RunPlan plan, RunFolder folder, SimulationResult? result, ElectionRunResult? elections, RunStatistics statistics, double seconds, IReadOnlyList<PositionAge> ages, CancellationToken cancellationToken)
    {
        var request = plan.Request;
        if (request.Json)
        {
            // Scripts read standard output: the JSON object and nothing else.
            string json = await RunJson.RenderAsync(folder.Target, seconds, cancellationToken).ConfigureAwait(false);
            console.Out.Profile.Out.Writer.WriteLine(json);
        }
        else if (request.Csv)
        {
            console.Out.Profile.Out.Writer.Write(await RunCsv.RenderAsync(folder.Target, cancellationToken).ConfigureAwait(false));
        }
        else if (!request.Quiet)
        {
            var shard = plan.Shard;
            string? scope = shard.IsWhole ? null
                : string.Create(CultureInfo.InvariantCulture, $"shard {shard.Index} of {shard.Count}: trials {plan.FirstTrial:N0}-{plan.FirstTrial + plan.TrialCount - 1:N0}");
            var document = plan.Document;
            RunReport.Write(console.Out, new RunHeadline(document.Scenario, document.Description, plan.Loaded.File, plan.Model.Trials, plan.Model.Seed, scope), result, folder.Target, seconds, statistics,
                plan.Model.Variants.SelectMany(v => v.Votes).Where(v => v.AnalogShift.IsEmpirical).Select(v => v.Id).ToHashSet(StringComparer.Ordinal));
            foreach (var age in ages)
            {
                console.Out.Profile.Out.Writer.WriteLine(age.Describe());
            }

            if (elections is not null)
            {
                ElectionReport.Write(console.Out, elections, plan.Model.Variants.Count > 1);
            }
        }
    }

    /// <summary>
    /// Writes the tables made from a run's statistics (summary.parquet, member_probabilities.parquet, and for a
    /// timeline drift.parquet and drift_adoption.parquet) and statistics.json into the folder.
    /// </summary>
    internal static async Task WriteTablesAsync(RunFolder folder, SimulationResult? result, RunStatistics statistics, Provenance provenance, CancellationToken cancellationToken)
    {
        // Independent files, written side by side: each compiles its own writer code on first use, so a short run's
        // tables take the longest of them instead of their sum. Both finish (or fail) before this returns.
        var votes = result is null ? Task.CompletedTask : Task.Run(() => WriteVoteTablesAsync(folder, result, provenance, cancellationToken), cancellationToken);
        var json = Task.Run(() => StatisticsFile.WriteAsync(folder.PathOf(StatisticsFile.Name), statistics, cancellationToken), cancellationToken);
        await Task.WhenAll(votes, json).ConfigureAwait(false);
    }

    private static async Task WriteVoteTablesAsync(RunFolder folder, SimulationResult result, Provenance provenance, CancellationToken cancellationToken)
    {
        // The tables made after the run say how many draws the announced votes took.
        provenance = provenance with { Given = GivenSummary.Metadata(result.Votes.Select(v => (v.Variant, v.Vote)), result.Votes) };
        var members = Task.Run(
            async () =>
            {
                await using var membersFile = File.Create(folder.PathOf("member_probabilities.parquet"));
                await SummaryTables.WriteMembersAsync(result, ReferenceCatalog.Embedded, membersFile, provenance, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
        try
        {
            await using var summaryFile = File.Create(folder.PathOf("summary.parquet"));
            await SummaryTables.WriteSummaryAsync(result, summaryFile, provenance, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A failure of the summary still waits for the members' writer, so nothing writes into a folder being removed.
            await members.ConfigureAwait(false);
        }

        if (result.Drift.Count > 0)
        {
            var roster = ReferenceCatalog.Embedded.States.Select(s => s.Code).ToArray();
            await using (var driftFile = File.Create(folder.PathOf(DriftTable.FileName)))
            {
                await DriftTable.WriteAsync(result.Drift, roster, driftFile, provenance, cancellationToken).ConfigureAwait(false);
            }

            await using (var adoptionFile = File.Create(folder.PathOf(DriftAdoptionTable.FileName)))
            {
                await DriftAdoptionTable.WriteAsync(result.Drift, result.Votes, adoptionFile, provenance, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string? Check(RunRequest request, long trials)
    {
        if (request.Threads is < 1)
        {
            return "--threads must be at least 1";
        }

        if (request.ShardIndex is null != request.ShardCount is null)
        {
            return "give --shard-index and --shard-count together";
        }

        if (request.ShardCount is { } count)
        {
            if (count < 1 || count > trials)
            {
                return string.Create(CultureInfo.InvariantCulture, $"--shard-count must be between 1 and the number of trials ({trials:N0}), not {count}");
            }

            if (request.ShardIndex < 0 || request.ShardIndex >= count)
            {
                return string.Create(CultureInfo.InvariantCulture, $"--shard-index must be between 0 and {count - 1}, not {request.ShardIndex}");
            }
        }

        return null;
    }

    /// <summary>Trials x variants x votes from which a run shows progress (about a second of work on two cores).</summary>
    internal const long ProgressThreshold = 200_000;

    private async Task<SimulationResult> SimulateAsync(SimulationModel model, SimulationOptions options, ITrialBlockSink sink, bool quiet, CancellationToken cancellationToken)
    {
        long trials = options.TrialCount ?? model.Trials;
        long work = trials * model.Variants.Count * model.VoteCount;
        bool longRun = !quiet && work >= ProgressThreshold;
        if (!longRun || !console.ErrorIsTerminal)
        {
            // Not a terminal (a log, a pipe, CI): plain lines every 10% instead of a bar that redraws.
            var lines = longRun ? new PlainProgress(console.Error, clock) : null;
            return await Task.Run(() => MonteCarloSimulator.Run(model, options, sink, lines, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return await console.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Simulating", maxValue: trials);
                var progress = new Progress<SimulationProgress>(p => task.Value = p.Done);
                var result = await Task.Run(() => MonteCarloSimulator.Run(model, options, sink, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
                task.Value = trials;
                return result;
            }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Scenario}: {Trials} trials from trial {FirstTrial}, seed {Seed}, {Threads} threads")]
    private static partial void LogStarting(ILogger logger, string scenario, long trials, long firstTrial, ulong seed, int threads);
}
