using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Elections;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Running;

/// <summary>
/// Runs a scenario end to end: load and check it, simulate, write the Parquet tables into a folder that appears
/// whole or not at all, and show the headline numbers.
/// </summary>
internal sealed partial class RunService(ConsoleStreams console, TimeProvider clock, ILogger<RunService> logger)
{
    public async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var loaded = ScenarioLoader.LoadFile(request.ScenarioPath, new RunOverrides { Trials = request.Trials, Seed = request.Seed });
        if (!loaded.Succeeded)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            console.Error.WriteLine($"{loaded.Diagnostics.Count} error(s) in {request.ScenarioPath}; nothing was run.");
            return ExitCodes.InvalidInput;
        }

        if (request.Threads is < 1)
        {
            console.Error.WriteLine("error: --threads must be at least 1");
            return ExitCodes.InvalidInput;
        }

        var model = loaded.Model!;
        var document = loaded.Document!;
        string target = request.OutputFolder ?? Path.Combine("runs", document.Scenario);
        var (folder, problem) = RunFolder.Prepare(target, request.Force);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            var provenance = new Provenance(document.Scenario, request.ScenarioPath, loaded.Sha256, model.Seed, model.Trials, 0, 1, clock.GetUtcNow());
            var options = new SimulationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
            LogStarting(logger, document.Scenario, model.Trials, model.Seed, options.Threads);
            var stopwatch = Stopwatch.StartNew();
            SimulationResult? result = null;
            try
            {
                // A scenario may have votes, elections or both; each writes its own tables.
                if (model.VoteCount > 0)
                {
                    await using (var trialsFile = File.Create(folder.PathOf("trials.parquet")))
                    {
                        await using var sink = await ParquetTrialSink.CreateAsync(model, trialsFile, provenance, cancellationToken).ConfigureAwait(false);
                        result = await SimulateAsync(model, options, sink, request.Quiet, cancellationToken).ConfigureAwait(false);
                        await sink.CompleteAsync().ConfigureAwait(false);
                    }

                    await using (var summaryFile = File.Create(folder.PathOf("summary.parquet")))
                    {
                        await SummaryTables.WriteSummaryAsync(result, summaryFile, provenance, cancellationToken).ConfigureAwait(false);
                    }

                    var names = ReferenceCatalog.Embedded.States.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
                    await using (var membersFile = File.Create(folder.PathOf("member_probabilities.parquet")))
                    {
                        await SummaryTables.WriteMembersAsync(result, names, membersFile, provenance, cancellationToken).ConfigureAwait(false);
                    }
                }

                var elections = model.ElectionCount > 0
                    ? await ElectionOutputs.WriteAsync(model, options, folder.PathOf, provenance, cancellationToken).ConfigureAwait(false)
                    : null;
                double seconds = stopwatch.Elapsed.TotalSeconds;
                cancellationToken.ThrowIfCancellationRequested();
                folder.Commit();
                if (!request.Quiet)
                {
                    RunReport.Write(console.Out, document, loaded.File, model, result, folder.Target, seconds);
                    if (elections is not null)
                    {
                        ElectionReport.Write(console.Out, elections, model.Variants.Count > 1);
                    }
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

    private async Task<SimulationResult> SimulateAsync(SimulationModel model, SimulationOptions options, ITrialBlockSink sink, bool quiet, CancellationToken cancellationToken)
    {
        long work = model.Trials * model.Variants.Count * model.VoteCount;
        bool showProgress = !quiet && console.ErrorIsTerminal && work >= 200_000;
        if (!showProgress)
        {
            return await Task.Run(() => MonteCarloSimulator.Run(model, options, sink, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return await console.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Simulating", maxValue: model.Trials);
                var progress = new Progress<SimulationProgress>(p => task.Value = p.Done);
                var result = await Task.Run(() => MonteCarloSimulator.Run(model, options, sink, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
                task.Value = model.Trials;
                return result;
            }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Scenario}: {Trials} trials, seed {Seed}, {Threads} threads")]
    private static partial void LogStarting(ILogger logger, string scenario, long trials, ulong seed, int threads);
}
