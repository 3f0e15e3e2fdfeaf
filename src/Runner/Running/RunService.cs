using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
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
        _ = ReferenceCatalog.Embedded;
        timings.Lap("reference data");
        var overrides = new RunOverrides { Trials = request.Trials, Seed = request.Seed, CalibrationFile = request.CalibrationFile };
        var loaded = ScenarioLoader.LoadFile(request.ScenarioPath, overrides);
        if (!loaded.Succeeded)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            console.Error.WriteLine($"{loaded.Diagnostics.Count} error(s) in {request.ScenarioPath}; nothing was run.");
            return ExitCodes.InvalidInput;
        }

        var document = loaded.Document!;
        timings.Lap("scenario");
        var model = EstimatorSelection.Resolve(loaded.Model!, cancellationToken);
        timings.Lap("estimator");
        if (Check(request, model.Trials) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var shard = request.ShardCount is { } shardCount ? new Shard(request.ShardIndex!.Value, shardCount) : Shard.Whole;
        var (firstTrial, trialCount) = shard.TrialsOf(model.Trials);
        string target = request.OutputFolder ?? (shard.IsWhole
            ? Path.Combine("runs", document.Scenario)
            : Path.Combine("runs", document.Scenario, string.Create(CultureInfo.InvariantCulture, $"shard-{shard.Index}")));
        var (folder, folderProblem) = RunFolder.Prepare(target, request.Force, "run", [request.ScenarioPath]);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {folderProblem}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            long rows = trialCount * model.Variants.Count * model.VoteCount;
            if (folder.CheckFreeSpace(rows * MinimumBytesPerRow) is { } full)
            {
                console.Error.WriteLine($"error: {full}");
                return ExitCodes.RuntimeFailure;
            }

            var ages = model.VoteCount > 0 && loaded.PositionsYear is { } positionsYear
                ? PositionAge.Of(model, positionsYear, loaded.PositionStepSd, loaded.EvidenceYear)
                : [];
            var provenance = new Provenance(
                document.Scenario, request.ScenarioPath, loaded.Sha256, model.Seed, model.Trials,
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
            if (!request.Quiet)
            {
                foreach (var warning in ages.Select(a => a.Warning()).OfType<string>())
                {
                    console.Error.WriteLine(warning);
                }
            }

            var options = new SimulationOptions
            {
                Threads = request.Threads ?? Environment.ProcessorCount,
                FirstTrial = firstTrial,
                TrialCount = trialCount,
            };
            LogStarting(logger, document.Scenario, trialCount, firstTrial, model.Seed, options.Threads);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                // A scenario may have votes, elections or both; each writes its own tables.
                SimulationResult? result = null;
                if (model.VoteCount > 0)
                {
                    string trialsPath = folder.PathOf(RunTables.Trials.ShardPath(shard.Index, shard.Count));
                    Directory.CreateDirectory(Path.GetDirectoryName(trialsPath)!);
                    await using var trialsFile = File.Create(trialsPath);
                    await using var sink = await ParquetTrialSink.CreateAsync(model, trialsFile, provenance, cancellationToken).ConfigureAwait(false);
                    result = await SimulateAsync(model, options, sink, request.Quiet, cancellationToken).ConfigureAwait(false);
                    await sink.CompleteAsync().ConfigureAwait(false);
                }

                var elections = model.ElectionCount > 0
                    ? await ElectionOutputs.WriteAsync(model, options, folder.PathOf, shard, provenance, cancellationToken).ConfigureAwait(false)
                    : null;
                double seconds = stopwatch.Elapsed.TotalSeconds;
                timings.Lap("simulate");
                // The band reruns the votes at the ends of the analogs' plausible spreads (common random numbers).
                var band = model.VoteCount > 0
                    ? await Task.Run(() => AssumptionBandRun.Simulate(request.ScenarioPath, loaded.Bytes.ToArray(), overrides, model, firstTrial, trialCount, options.Threads, cancellationToken), cancellationToken).ConfigureAwait(false)
                    : null;
                timings.Lap("band");
                var statistics = new RunStatistics(
                    document.Scenario, loaded.Sha256, model.Seed, model.Trials, shard.Count, [shard.Index], Provenance.EngineVersion,
                    result?.Votes.Select(v => v.ToState()).ToArray() ?? [],
                    elections?.Elections.Select(e => e.Tally.ToState(e.Variant)).ToArray(),
                    result is { Drift.Count: > 0 } ? result.Drift.Select(d => d.ToState()).ToArray() : null,
                    band);
                await WriteTablesAsync(folder, result, statistics, provenance, cancellationToken).ConfigureAwait(false);
                await ScenarioCopy.WriteAsync(folder, loaded.Bytes, cancellationToken).ConfigureAwait(false);
                if (model.VoteCount > 0 && ConcernedPartyTable.Applies(model))
                {
                    await using var concernedFile = File.Create(folder.PathOf(ConcernedPartyTable.FileName));
                    await ConcernedPartyTable.WriteAsync(model, concernedFile, provenance, cancellationToken).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                folder.Commit();
                timings.Lap("tables");
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
                    string? scope = shard.IsWhole ? null
                        : string.Create(CultureInfo.InvariantCulture, $"shard {shard.Index} of {shard.Count}: trials {firstTrial:N0}-{firstTrial + trialCount - 1:N0}");
                    RunReport.Write(console.Out, new RunHeadline(document.Scenario, document.Description, loaded.File, model.Trials, model.Seed, scope), result, folder.Target, seconds, statistics);
                    foreach (var age in ages)
                    {
                        console.Out.Profile.Out.Writer.WriteLine(age.Describe());
                    }
                    if (elections is not null)
                    {
                        ElectionReport.Write(console.Out, elections, model.Variants.Count > 1);
                    }
                }

                timings.Lap("report");
                if (request.Timings)
                {
                    console.Error.WriteLine(timings.Describe());
                    console.Error.WriteLine(timings.DescribeCpu());
                }
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes the tables made from a run's statistics (summary.parquet, member_probabilities.parquet, and for a
    /// timeline drift.parquet and drift_adoption.parquet) and statistics.json into the folder.
    /// </summary>
    internal static async Task WriteTablesAsync(RunFolder folder, SimulationResult? result, RunStatistics statistics, Provenance provenance, CancellationToken cancellationToken)
    {
        if (result is not null)
        {
            await WriteVoteTablesAsync(folder, result, provenance, cancellationToken).ConfigureAwait(false);
        }

        await StatisticsFile.WriteAsync(folder.PathOf(StatisticsFile.Name), statistics, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteVoteTablesAsync(RunFolder folder, SimulationResult result, Provenance provenance, CancellationToken cancellationToken)
    {
        // The tables made after the run say how many draws the announced votes took.
        provenance = provenance with { Given = GivenSummary.Metadata(result.Votes.Select(v => (v.Variant, v.Vote)), result.Votes) };
        await using (var summaryFile = File.Create(folder.PathOf("summary.parquet")))
        {
            await SummaryTables.WriteSummaryAsync(result, summaryFile, provenance, cancellationToken).ConfigureAwait(false);
        }

        await using (var membersFile = File.Create(folder.PathOf("member_probabilities.parquet")))
        {
            await SummaryTables.WriteMembersAsync(result, ReferenceCatalog.Embedded, membersFile, provenance, cancellationToken).ConfigureAwait(false);
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
