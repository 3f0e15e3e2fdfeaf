using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Elections;

/// <summary>Runs a model's elections and writes their tables into a run folder.</summary>
internal static class ElectionOutputs
{
    /// <summary>The tables an election run writes, in the order they are written: the folder of parts <c>elections/</c>, then three files.</summary>
    public static IReadOnlyList<string> Files { get; } = [ElectionTableDescriptions.Elections.DisplayName, "election_summary.parquet", "election_rounds.parquet", "election_ballots.parquet"];

    /// <summary>Simulates the elections of the trials in <paramref name="options"/> and writes the four election tables.</summary>
    /// <param name="model">The scenario's model; it has at least one election.</param>
    /// <param name="options">Threads and trial range (results never depend on the threads).</param>
    /// <param name="pathOf">Maps a file name to its path in the (temporary) run folder.</param>
    /// <param name="shard">Which part of the run: the per-trial table goes to <c>elections/shard=K/part-0.parquet</c> (a whole run is shard 0).</param>
    /// <param name="provenance">Written into every file's metadata.</param>
    /// <param name="cancellationToken">Stops the run between blocks.</param>
    public static async Task<ElectionRunResult> WriteAsync(SimulationModel model, SimulationOptions options, Func<string, string> pathOf, Shard shard, Provenance provenance, CancellationToken cancellationToken)
    {
        ElectionRunResult result;
        string trialsPath = pathOf(ElectionTableDescriptions.Elections.ShardPath(shard.Index, shard.Count));
        Directory.CreateDirectory(Path.GetDirectoryName(trialsPath)!);
        await using (var trialsFile = File.Create(trialsPath))
        {
            await using var sink = await ElectionTrialSink.CreateAsync(model, trialsFile, provenance, cancellationToken).ConfigureAwait(false);
            result = await Task.Run(() => ElectionSimulator.Run(model, options, sink, null, cancellationToken), cancellationToken).ConfigureAwait(false);
            await sink.CompleteAsync().ConfigureAwait(false);
        }

        await WriteSummariesAsync(model, result, pathOf, provenance, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Writes election_summary, election_rounds and election_ballots from the elections' counts (a run's or merged shards').</summary>
    public static async Task WriteSummariesAsync(SimulationModel model, ElectionRunResult result, Func<string, string> pathOf, Provenance provenance, CancellationToken cancellationToken)
    {
        var names = ReferenceCatalog.Embedded.States.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        await using (var file = File.Create(pathOf(Files[1])))
        {
            await ElectionTables.WriteSummaryAsync(model, result, names, file, provenance, cancellationToken).ConfigureAwait(false);
        }

        await using (var file = File.Create(pathOf(Files[2])))
        {
            await ElectionTables.WriteRoundsAsync(model, result, file, provenance, cancellationToken).ConfigureAwait(false);
        }

        await using (var file = File.Create(pathOf(Files[3])))
        {
            await ElectionTables.WriteBallotsAsync(model, result, names, file, provenance, cancellationToken).ConfigureAwait(false);
        }
    }
}
