using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Running;

/// <summary>The run's trial files: streamed while the votes are simulated, finished beside what follows.</summary>
internal sealed partial class RunService
{
    /// <summary>
    /// Simulates the votes, streaming <c>trials/</c> into the folder as the blocks come, and with
    /// <c>--member-votes</c> <c>member_votes/</c> from the same blocks. Returns as soon as the last block is counted:
    /// the files' last row group and footer are written on the thread pool (<see cref="SimulatedVotes.Written"/>), while
    /// the caller runs the band and writes the small tables, which need only the statistics.
    /// </summary>
    private async Task<SimulatedVotes> SimulateVotesAsync(RunPlan plan, SimulationOptions options, RunFolder folder, Provenance provenance, CancellationToken cancellationToken)
    {
        TrialFiles? files = new TrialFiles { TrialsFile = Create(folder, RunTables.Trials.ShardPath(plan.Shard.Index, plan.Shard.Count)) };
        try
        {
            files.Trials = await ParquetTrialSink.CreateAsync(plan.Model, files.TrialsFile, provenance, cancellationToken, RowGroupRows(plan)).ConfigureAwait(false);
            ITrialBlockSink sink = files.Trials;
            if (plan.Request.MemberVotes)
            {
                files.VotesFile = Create(folder, RunTables.MemberVotes.ShardPath(plan.Shard.Index, plan.Shard.Count));
                files.Votes = await MemberVotesFile.CreateAsync(plan.Model, files.VotesFile, provenance, cancellationToken).ConfigureAwait(false);
                sink = new TrialSinks(files.Trials, files.Votes);
                options = options with { MemberChoices = true };
            }

            var result = await SimulateAsync(plan.Model, options, sink, plan.Request.Quiet, cancellationToken).ConfigureAwait(false);
            var written = Task.Run(files.CompleteAsync, CancellationToken.None);
            files = null;
            return new SimulatedVotes(result, written);
        }
        finally
        {
            if (files is not null)
            {
                await files.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Rows of the trial table's row group buffer: <see cref="ParquetFiles.RowGroupRows"/>, or the shard's rows when it
    /// has fewer. Such a shard's table is one row group either way (written whole when the trials are done), so the
    /// file is the same; what changes is that a short run no longer allocates, zeroes and collects the full row group's
    /// buffers (large-object arrays of a full group's rows in every column) for a few thousand rows.
    /// </summary>
    internal static int RowGroupRows(long trials, int variants, int votes) =>
        (int)Math.Clamp(trials * variants * votes, 1, ParquetFiles.RowGroupRows);

    private static int RowGroupRows(RunPlan plan) => RowGroupRows(plan.TrialCount, plan.Model.Variants.Count, plan.Model.VoteCount);

    private static FileStream Create(RunFolder folder, string relative)
    {
        string path = folder.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.Create(path);
    }

    /// <summary>
    /// The votes' statistics, and the task that completes their trial files. Disposing waits for that task (without
    /// its exception, which <see cref="Written"/>'s awaiter sees), so that a run failing after the simulation does not
    /// remove its folder while the files are still being written.
    /// </summary>
    private sealed record SimulatedVotes(SimulationResult Result, Task Written) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Written.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>The open trial files of one run and their sinks, closed in the reverse order of opening.</summary>
    private sealed class TrialFiles : IAsyncDisposable
    {
        public required FileStream TrialsFile { get; init; }

        public ParquetTrialSink? Trials { get; set; }

        public FileStream? VotesFile { get; set; }

        public MemberVotesFile? Votes { get; set; }

        /// <summary>Writes the sinks' last rows, then closes everything (also when writing fails).</summary>
        public async Task CompleteAsync()
        {
            try
            {
                await Trials!.CompleteAsync().ConfigureAwait(false);
                if (Votes is not null)
                {
                    await Votes.CompleteAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                await DisposeAsync().ConfigureAwait(false);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await DisposeAsync(Votes).ConfigureAwait(false);
            await DisposeAsync(VotesFile).ConfigureAwait(false);
            await DisposeAsync(Trials).ConfigureAwait(false);
            await TrialsFile.DisposeAsync().ConfigureAwait(false);
        }

        private static ValueTask DisposeAsync(IAsyncDisposable? disposable) => disposable?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
