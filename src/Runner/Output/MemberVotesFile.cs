using Parquet;
using Parquet.Schema;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes a part of <c>member_votes/</c> (<see cref="RunTables.MemberVotes"/>): for each trial of a run or shard,
/// every member's vote in each variant's votes held in that trial, trial by trial, a row group at a time. A run
/// writes it as a sink of its simulation, from the votes the kernel copies into the blocks
/// (<see cref="SimulationOptions.MemberChoices"/>); <see cref="WriteAsync"/> replays every trial on its own instead
/// (<see cref="MemberVoteReplay"/>), the independent reference the tests compare the run's file with byte for byte.
/// </summary>
internal sealed class MemberVotesFile : ITrialBlockSink, IAsyncDisposable
{
    /// <summary>
    /// Rows a run (or one shard) may write: member votes are bulky. Beyond it a run is refused; fewer trials or more
    /// shards bring it under.
    /// </summary>
    public const long MaxRows = 50_000_000;

    /// <summary>
    /// Bytes per row assumed when a run states the table's size before writing it: an upper estimate for the
    /// dictionary- and delta-encoded, Snappy-compressed columns (docs/outputs.md gives what runs measured).
    /// </summary>
    public const double EstimatedBytesPerRow = 0.5;

    private static readonly TableDescription Table = RunTables.MemberVotes;
    private static readonly DataField<long> Trial = Table.Field<long>("trial");
    private static readonly DataField<string> Variant = Table.Field<string>("variant");
    private static readonly DataField<string> VoteId = Table.Field<string>("vote_id");
    private static readonly DataField<string> Member = Table.Field<string>("member");
    private static readonly DataField<string> Vote = Table.Field<string>("vote");

    /// <summary>The values of the <c>vote</c> column, indexed by <see cref="VoteChoice"/>.</summary>
    private static readonly ReadOnlyMemory<char>[] ChoiceNames = ["yes".AsMemory(), "abstain".AsMemory(), "no".AsMemory(), "absent".AsMemory()];

    /// <summary>Trials replayed per thread before their rows are written.</summary>
    private const int TrialsPerThread = 64;

    private readonly (ReadOnlyMemory<char> Variant, ReadOnlyMemory<char> VoteId, ReadOnlyMemory<char>[] Members)[] _votes;
    private readonly Rows _rows = new(ParquetFiles.RowGroupRows);
    private readonly ParquetWriter _writer;
    private readonly int _votesPerVariant;
    private readonly CancellationToken _cancellationToken;

    private MemberVotesFile(SimulationModel model, ParquetWriter writer, CancellationToken cancellationToken)
    {
        _votes = model.Variants
            .SelectMany(v => v.Votes.Select(vote => (v.Name.AsMemory(), vote.Id.AsMemory(), vote.Description.Codes.Select(c => c.AsMemory()).ToArray())))
            .ToArray();
        _votesPerVariant = model.VoteCount;
        _writer = writer;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>A file of <paramref name="model"/>'s member votes, written to <paramref name="stream"/> as blocks come (<see cref="Write"/>).</summary>
    public static async Task<MemberVotesFile> CreateAsync(SimulationModel model, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var options = ParquetFiles.NewOptions();
        foreach (var field in new DataField[] { Variant, VoteId, Member, Vote })
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        options.ColumnEncodingHints[Trial.Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        var writer = await ParquetFiles.CreateAsync(Table, stream, provenance.ToTable(), options, cancellationToken).ConfigureAwait(false);
        return new MemberVotesFile(model, writer, cancellationToken);
    }

    /// <summary>
    /// The rows of a block simulated with <see cref="SimulationOptions.MemberChoices"/>: trial by trial, each
    /// variant's votes held in it, in the order <see cref="WriteAsync"/> writes them.
    /// </summary>
    public void Write(TrialBlock block)
    {
        for (int r = 0; r < block.Count; r++)
        {
            for (int s = 0; s < _votes.Length; s++)
            {
                var columns = block[s / _votesPerVariant, s % _votesPerVariant];
                if (!columns.Held[r])
                {
                    continue;
                }

                var choices = columns.Choices ?? throw new InvalidOperationException("the block was simulated without the members' votes (SimulationOptions.MemberChoices)");
                AppendVoteAsync(block.FirstTrial + r, s, new ReadOnlyMemory<byte>(choices, r * columns.Participants, columns.Participants)).GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Writes the last rows; the footer follows on dispose.</summary>
    public Task CompleteAsync() => WriteRowGroupAsync();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>
    /// Rows at most for <paramref name="trials"/> trials of <paramref name="model"/>: every participant of every
    /// variant's vote per trial (a vote not held in a trial has none).
    /// </summary>
    public static long MaximumRows(SimulationModel model, long trials) =>
        trials * model.Variants.Sum(v => v.Votes.Sum(vote => (long)vote.Description.Count));

    /// <summary>
    /// Why a run of <paramref name="rows"/> member-vote rows is refused (over <see cref="MaxRows"/>), naming how to get
    /// under the limit; null when it fits.
    /// </summary>
    public static string? Refusal(long rows, long trials, int shardCount)
    {
        if (rows <= MaxRows)
        {
            return null;
        }

        long perTrial = rows / Math.Max(1, trials);
        long fitting = MaxRows / Math.Max(1, perTrial);
        long shards = (long)Math.Ceiling((double)rows * shardCount / MaxRows);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"--member-votes would write {rows:N0} rows ({trials:N0} trials x {perTrial:N0} member votes a trial, about {Megabytes(rows)}); at most {MaxRows:N0} in one run or shard: ask at most {fitting:N0} trials (--trials), or split the run into at least {shards:N0} shards (--shard-index K --shard-count N) and merge them");
    }

    /// <summary>The estimated size of <paramref name="rows"/> rows, e.g. "12.3 MB".</summary>
    public static string Megabytes(long rows) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rows * EstimatedBytesPerRow / 1e6:N1} MB");

    /// <summary>
    /// Writes the member votes of trials <paramref name="firstTrial"/> .. firstTrial + trialCount - 1 by replaying each
    /// trial on its own (<see cref="MemberVoteReplay"/>): far slower than copying them from the run, and independent of that copy.
    /// </summary>
    /// <returns>The rows written.</returns>
    public static async Task<long> WriteAsync(SimulationModel model, long firstTrial, long trialCount, int threads, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        await using var file = await CreateAsync(model, stream, provenance, cancellationToken).ConfigureAwait(false);
        int batch = TrialsPerThread * Math.Max(1, threads);
        for (long start = firstTrial; start < firstTrial + trialCount; start += batch)
        {
            int count = (int)Math.Min(batch, firstTrial + trialCount - start);
            var votes = Replay(model, start, count, threads, cancellationToken);
            for (int t = 0; t < count; t++)
            {
                await file.AppendTrialAsync(start + t, votes[t]).ConfigureAwait(false);
            }
        }

        await file.CompleteAsync().ConfigureAwait(false);
        return file.RowsWritten;
    }

    /// <summary>The member votes of <paramref name="count"/> trials from <paramref name="start"/>, replayed in parallel.</summary>
    private static byte[][][] Replay(SimulationModel model, long start, int count, int threads, CancellationToken cancellationToken)
    {
        var votes = new byte[count][][];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken },
            t => votes[t] = MemberVoteReplay.Of(model, start + t));
        return votes;
    }

    /// <summary>Appends one replayed trial's rows (<see cref="MemberVoteReplay.Of"/>).</summary>
    private async Task AppendTrialAsync(long trial, byte[][] votes)
    {
        for (int s = 0; s < votes.Length; s++)
        {
            if (votes[s] is not [MemberVoteReplay.NotHeld])
            {
                await AppendVoteAsync(trial, s, votes[s]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Appends the rows of variant-vote <paramref name="s"/> in one trial, writing a full row group first when they would not fit.</summary>
    private async Task AppendVoteAsync(long trial, int s, ReadOnlyMemory<byte> choices)
    {
        if (_rows.Count + choices.Length > _rows.Capacity)
        {
            await WriteRowGroupAsync().ConfigureAwait(false);
        }

        var (variant, voteId, members) = _votes[s];
        var span = choices.Span;
        for (int p = 0; p < span.Length; p++)
        {
            _rows.Add(trial, variant, voteId, members[p], ChoiceNames[span[p]]);
        }

        RowsWritten += span.Length;
    }

    private async Task WriteRowGroupAsync()
    {
        var (writer, cancellationToken) = (_writer, _cancellationToken);
        int n = _rows.Count;
        if (n == 0)
        {
            return;
        }

        ReadOnlyMemory<int>? present = new ReadOnlyMemory<int>(_rows.Present, 0, n);
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync(Trial, new ReadOnlyMemory<long>(_rows.Trial, 0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAllPartsAsync(Variant, new ReadOnlyMemory<ReadOnlyMemory<char>>(_rows.Variant, 0, n), present, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAllPartsAsync(VoteId, new ReadOnlyMemory<ReadOnlyMemory<char>>(_rows.VoteId, 0, n), present, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAllPartsAsync(Member, new ReadOnlyMemory<ReadOnlyMemory<char>>(_rows.Member, 0, n), present, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAllPartsAsync(Vote, new ReadOnlyMemory<ReadOnlyMemory<char>>(_rows.Vote, 0, n), present, null, cancellationToken).ConfigureAwait(false);
            group.CompleteValidate();
        }

        _rows.Clear();
    }

    /// <summary>One row group's columns, reused from group to group.</summary>
    private sealed class Rows(int capacity)
    {
        /// <summary>All ones: the definition levels the string columns are written with, as the trial sink does.</summary>
        public int[] Present { get; } = Enumerable.Repeat(1, capacity).ToArray();

        public long[] Trial { get; } = new long[capacity];

        public ReadOnlyMemory<char>[] Variant { get; } = new ReadOnlyMemory<char>[capacity];

        public ReadOnlyMemory<char>[] VoteId { get; } = new ReadOnlyMemory<char>[capacity];

        public ReadOnlyMemory<char>[] Member { get; } = new ReadOnlyMemory<char>[capacity];

        public ReadOnlyMemory<char>[] Vote { get; } = new ReadOnlyMemory<char>[capacity];

        public int Capacity { get; } = capacity;

        public int Count { get; private set; }

        public void Add(long trial, ReadOnlyMemory<char> variant, ReadOnlyMemory<char> voteId, ReadOnlyMemory<char> member, ReadOnlyMemory<char> vote)
        {
            Trial[Count] = trial;
            Variant[Count] = variant;
            VoteId[Count] = voteId;
            Member[Count] = member;
            Vote[Count] = vote;
            Count++;
        }

        public void Clear() => Count = 0;
    }
}
