using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Parquet.Schema;
using Parquet;
using StemSimulator.Engine.Calendar;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>trials.parquet</c>: one row per trial, variant and vote. Rows are copied into a row-group buffer on
/// the consuming thread, and a full buffer is encoded and written there too, while the simulation's worker threads
/// keep filling their ring of blocks ahead (see <see cref="MonteCarloSimulator"/>): encoding stays off the
/// simulation threads and memory stays flat however many trials run. (A second buffer encoded in the background
/// was measured to add about 70 MB per million rows for no gain in throughput on two cores.)
/// </summary>
/// <remarks>
/// The copy goes a column at a time over a block's rows, into arrays Parquet.Net takes as they are (strings as
/// character memory, optional columns as values plus definition levels), so nothing is allocated or converted per
/// row; the encodings are chosen in <see cref="Options"/>. Parquet.Net encodes the columns of a row group one after
/// the other, in schema order, on the calling thread (its public API offers no way to encode them in parallel).
/// </remarks>
internal sealed partial class ParquetTrialSink : ITrialBlockSink, IAsyncDisposable
{
    public static readonly DataField<string> Variant = RunTables.Trials.Field<string>("variant");
    public static readonly DataField<string> VoteId = RunTables.Trials.Field<string>("vote_id");
    public static readonly DataField<long> Trial = RunTables.Trials.Field<long>("trial");
    public static readonly DataField<int> Yes = RunTables.Trials.Field<int>("yes");
    public static readonly DataField<int> No = RunTables.Trials.Field<int>("no");
    public static readonly DataField<int> Abstain = RunTables.Trials.Field<int>("abstain");
    public static readonly DataField<int> Absent = RunTables.Trials.Field<int>("absent");
    public static readonly DataField<bool> Adopted = RunTables.Trials.Field<bool>("adopted");
    public static readonly DataField<string> VetoedBy = RunTables.Trials.Field<string>("vetoed_by");
    public static readonly DataField<bool?> VetoDecisive = RunTables.Trials.Field<bool?>("veto_decisive");
    public static readonly DataField<double?> ExactProbability = RunTables.Trials.Field<double?>("p_adopted_exact");
    public static readonly DataField<int> Year = RunTables.Trials.Field<int>("year");
    public static readonly DataField<bool> Held = RunTables.Trials.Field<bool>("held");
    public static readonly DataField<string> Path = RunTables.Trials.Field<string>("path");
    public static readonly DataField<int?> DebateWorkingDay = RunTables.Trials.Field<int?>("debate_working_day");
    public static readonly DataField<DateOnly?> DebateDate = RunTables.Trials.Field<DateOnly?>("debate_date");

    public static ParquetSchema Schema => RunTables.Trials.Schema;

    private static readonly ReadOnlyMemory<char>[] VetoNames = Enumerable.Range(0, 32).Select(m => ((PermanentMembers)m).ToCodes().AsMemory()).ToArray();

    /// <summary>
    /// The trial table's options: those of every file, plus column encodings. The trial index, the year and the four
    /// counts are DELTA_BINARY_PACKED (the trial index steps by one, the year is constant, counts fit in a byte): a few
    /// bits per row instead of four or eight bytes, so Snappy has far less to compress; a standard encoding that
    /// DuckDB, Arrow and Spark read. (BYTE_STREAM_SPLIT was a little faster for the counts, but older readers such as
    /// Spark 3's do not read it for integers.) The variant and vote id, a handful of values repeated on every row,
    /// are dictionary encoded: an index per row instead of a length-prefixed UTF-8 copy (the sink's benchmark: 108 to
    /// 87 ns a row on an idle core). Parquet.Net sizes the dictionary's hash table by the rows of the row group,
    /// garbage of about 18 MB per column and row group, so the runner turns off background GC and asks the GC to
    /// conserve memory (StemSimulator.Runner.csproj); the veto and path columns, mostly null, stay plain.
    /// </summary>
    internal static ParquetOptions Options { get; } = CreateOptions();

    private readonly SimulationModel _model;
    private readonly ParquetWriter _writer;
    private readonly CancellationToken _cancellationToken;
    private readonly TrialRows _rows;
    private readonly VoteShape[][] _shapes;

    private ParquetTrialSink(SimulationModel model, ParquetWriter writer, int rowGroupRows, CancellationToken cancellationToken)
    {
        _model = model;
        _writer = writer;
        _cancellationToken = cancellationToken;
        _rows = new TrialRows(rowGroupRows);
        var debateDates = new Dictionary<DateOnly, DateOnly?[]>();
        _shapes = model.Variants.Select(v => v.Votes.Select(vote => new VoteShape(v.Name, vote, debateDates)).ToArray()).ToArray();
    }

    /// <summary>Creates a sink writing to <paramref name="stream"/>.</summary>
    /// <param name="model">The model whose trials arrive.</param>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="provenance">Metadata for the file.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <param name="rowGroupRows">Rows per row group (default <see cref="ParquetFiles.RowGroupRows"/>, 2^17).</param>
    public static async Task<ParquetTrialSink> CreateAsync(SimulationModel model, Stream stream, Provenance provenance, CancellationToken cancellationToken, int rowGroupRows = ParquetFiles.RowGroupRows)
    {
        var writer = await ParquetFiles.CreateAsync(RunTables.Trials, stream, provenance.ToTable(), Options, cancellationToken).ConfigureAwait(false);
        return new ParquetTrialSink(model, writer, rowGroupRows, cancellationToken);
    }

    /// <summary>Rows received so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>
    /// Copies the block into the row group, column by column and as many rows at a time as fit; a full row group is
    /// encoded and written before the next row is added.
    /// </summary>
    public void Write(TrialBlock block)
    {
        for (int v = 0; v < _shapes.Length; v++)
        {
            for (int j = 0; j < _shapes[v].Length; j++)
            {
                var columns = block[v, j];
                for (int r = 0; r < block.Count;)
                {
                    if (_rows.Count == _rows.Capacity)
                    {
                        WriteRowGroupAsync(_rows).GetAwaiter().GetResult();
                        _rows.Clear();
                    }

                    int n = Math.Min(block.Count - r, _rows.Capacity - _rows.Count);
                    Append(_shapes[v][j], columns, block.FirstTrial + r, r, n);
                    r += n;
                }

                RowsWritten += block.Count;
            }
        }
    }

    /// <summary>Rows <paramref name="from"/> .. from + n - 1 of one vote's columns, appended to the row group.</summary>
    private void Append(VoteShape shape, VoteTrialColumns columns, long firstTrial, int from, int n)
    {
        int at = _rows.Count;
        AppendCounts(shape, columns, firstTrial, from, at, n);
        AppendVetoes(shape, columns, from, at, n);
        AppendExact(shape, columns, from, at, n);
        AppendPaths(shape, columns, from, at, n);
        AppendDebates(shape, columns, from, at, n);
        _rows.Advance(n);
    }

    // The per-row copies are plain code, so the Release build's ReadyToRun image holds them fully optimised and a short
    // run compiles none of them; a long run's tiering recompiles them in the background once they are hot. Only Widen,
    // whose vector path a portable image leaves to the JIT, is compiled fully optimised on first use (by WarmUpAsync).
    /// <summary>The columns every row has: variant, vote, trial, the four counts, adopted, year and held.</summary>
    private void AppendCounts(VoteShape shape, VoteTrialColumns columns, long firstTrial, int from, int at, int n)
    {
        var rows = _rows;
        rows.Variant.AsSpan(at, n).Fill(shape.Variant);
        rows.VoteId.AsSpan(at, n).Fill(shape.VoteId);
        var trial = rows.Trial.AsSpan(at, n);
        for (int k = 0; k < trial.Length; k++)
        {
            trial[k] = firstTrial + k;
        }

        Widen(columns.Yes.AsSpan(from, n), rows.Yes.AsSpan(at, n));
        Widen(columns.No.AsSpan(from, n), rows.No.AsSpan(at, n));
        Widen(columns.Abstain.AsSpan(from, n), rows.Abstain.AsSpan(at, n));
        Widen(columns.Absent.AsSpan(from, n), rows.Absent.AsSpan(at, n));
        columns.Adopted.AsSpan(from, n).CopyTo(rows.Adopted.AsSpan(at, n));
        rows.Year.AsSpan(at, n).Fill(shape.Year);
        columns.Held.AsSpan(from, n).CopyTo(rows.Held.AsSpan(at, n));
    }

    /// <summary><c>vetoed_by</c> and <c>veto_decisive</c>: null for the Assembly.</summary>
    private void AppendVetoes(VoteShape shape, VoteTrialColumns columns, int from, int at, int n)
    {
        var vetoedBy = _rows.VetoedBy;
        var vetoDecisive = _rows.VetoDecisive;
        if (!shape.Council)
        {
            vetoedBy.Nulls(at, n);
            vetoDecisive.Nulls(at, n);
            return;
        }

        for (int k = 0; k < n; k++)
        {
            var veto = columns.VetoedBy[from + k];
            if (veto == PermanentMembers.None)
            {
                vetoedBy.Null(at + k);
            }
            else
            {
                vetoedBy.Set(at + k, VetoNames[(int)veto]);
            }

            // A vote that was not held has no veto to be decisive.
            if (columns.Held[from + k])
            {
                vetoDecisive.Set(at + k, veto != PermanentMembers.None && columns.Yes[from + k] >= shape.Quota);
            }
            else
            {
                vetoDecisive.Null(at + k);
            }
        }
    }

    /// <summary><c>p_adopted_exact</c>: null where the vote's estimator is the sampled share.</summary>
    private void AppendExact(VoteShape shape, VoteTrialColumns columns, int from, int at, int n)
    {
        var exact = _rows.ExactProbability;
        if (shape.Exact)
        {
            exact.Levels.AsSpan(at, n).Fill(1);
            exact.Reserve(n);
            columns.ExactProbability.AsSpan(from, n).CopyTo(exact.Values.AsSpan(exact.Count, n));
            exact.Count += n;
        }
        else
        {
            exact.Nulls(at, n);
        }
    }

    /// <summary><c>path</c>: the condition that held the vote, null for a vote without conditions or not held.</summary>
    private void AppendPaths(VoteShape shape, VoteTrialColumns columns, int from, int at, int n)
    {
        var path = _rows.Path;
        if (shape.Paths.Length == 0)
        {
            path.Nulls(at, n);
            return;
        }

        for (int k = 0; k < n; k++)
        {
            int condition = columns.Path[from + k];
            if (condition > 0)
            {
                path.Set(at + k, shape.Paths[condition - 1]);
            }
            else
            {
                path.Null(at + k);
            }
        }
    }

    /// <summary><c>debate_working_day</c> and <c>debate_date</c>: null unless a veto convened the Assembly's debate.</summary>
    private void AppendDebates(VoteShape shape, VoteTrialColumns columns, int from, int at, int n)
    {
        var day = _rows.DebateWorkingDay;
        var date = _rows.DebateDate;
        if (!shape.DebatesVeto)
        {
            day.Nulls(at, n);
            date.Nulls(at, n);
            return;
        }

        for (int k = 0; k < n; k++)
        {
            int debateDay = columns.DebateDay[from + k];
            if (debateDay > 0)
            {
                day.Set(at + k, debateDay);
            }
            else
            {
                day.Null(at + k);
            }

            if (shape.DebateDates[debateDay] is { } debateDate)
            {
                date.Set(at + k, debateDate);
            }
            else
            {
                date.Null(at + k);
            }
        }
    }

    /// <summary>Counts as the table's int32, eight at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Widen(ReadOnlySpan<short> from, Span<int> to)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + Vector128<short>.Count <= from.Length; k += Vector128<short>.Count)
            {
                var (lower, upper) = Vector128.Widen(Vector128.Create(from.Slice(k, Vector128<short>.Count)));
                Vector256.Create(lower, upper).CopyTo(to.Slice(k, Vector256<int>.Count));
            }
        }

        for (; k < from.Length; k++)
        {
            to[k] = from[k];
        }
    }

    private Task WriteRowGroupAsync(TrialRows rows) => WriteRowGroupAsync(_writer, rows, _cancellationToken);

    /// <summary>Encodes <paramref name="rows"/> as one row group of <paramref name="writer"/> (nothing when empty).</summary>
    private static async Task WriteRowGroupAsync(ParquetWriter writer, TrialRows rows, CancellationToken token)
    {
        int n = rows.Count;
        if (n == 0)
        {
            return;
        }

        ReadOnlyMemory<int>? present = new ReadOnlyMemory<int>(rows.Present, 0, n);
        using var group = writer.CreateRowGroup();
        await group.WriteAllPartsAsync(Variant, Head(rows.Variant, n), present, null, token).ConfigureAwait(false);
        await group.WriteAllPartsAsync(VoteId, Head(rows.VoteId, n), present, null, token).ConfigureAwait(false);
        await group.WriteAsync(Trial, Head(rows.Trial, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Yes, Head(rows.Yes, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(No, Head(rows.No, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Abstain, Head(rows.Abstain, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Absent, Head(rows.Absent, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Adopted, Head(rows.Adopted, n), null, null, token).ConfigureAwait(false);
        await WriteAsync(group, VetoedBy, rows.VetoedBy, n, token).ConfigureAwait(false);
        await WriteAsync(group, VetoDecisive, rows.VetoDecisive, n, token).ConfigureAwait(false);
        await WriteAsync(group, ExactProbability, rows.ExactProbability, n, token).ConfigureAwait(false);
        await group.WriteAsync(Year, Head(rows.Year, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Held, Head(rows.Held, n), null, null, token).ConfigureAwait(false);
        await WriteAsync(group, Path, rows.Path, n, token).ConfigureAwait(false);
        await WriteAsync(group, DebateWorkingDay, rows.DebateWorkingDay, n, token).ConfigureAwait(false);
        await WriteAsync(group, DebateDate, rows.DebateDate, n, token).ConfigureAwait(false);
        group.CompleteValidate();
    }

    /// <summary>An optional column as its non-null values and definition levels (no nullable copy).</summary>
    private static Task WriteAsync<T>(ParquetRowGroupWriter group, DataField field, NullableColumn<T> column, int rows, CancellationToken token)
        where T : struct =>
        group.WriteAllPartsAsync(field, new ReadOnlyMemory<T>(column.Values, 0, column.Count), new ReadOnlyMemory<int>(column.Levels, 0, rows), null, token);

    private static ParquetOptions CreateOptions()
    {
        var options = ParquetFiles.NewOptions();
        foreach (var field in new DataField[] { Variant, VoteId })
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        foreach (var field in new DataField[] { Trial, Yes, No, Abstain, Absent, Year })
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        }

        return options;
    }

    private static ReadOnlyMemory<T> Head<T>(T[] values, int count) => new(values, 0, count);

    /// <summary>Writes the remaining rows; the footer follows on dispose.</summary>
    public async Task CompleteAsync()
    {
        await WriteRowGroupAsync(_rows).ConfigureAwait(false);
        _rows.Clear();
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>What the rows of one variant's vote share, computed once.</summary>
    private sealed class VoteShape
    {
        public VoteShape(string variant, VoteModel vote, Dictionary<DateOnly, DateOnly?[]> debateDates)
        {
            Variant = variant.AsMemory();
            VoteId = vote.Id.AsMemory();
            Council = vote.Body == Body.SecurityCouncil;
            Exact = vote.Estimator == OutcomeEstimator.ExactConditional;
            Quota = vote.CouncilRule.Quota;
            Year = vote.Date.Year;
            Paths = vote.Conditions.Select(c => c.Label.AsMemory()).ToArray();
            DebatesVeto = vote.DebatesVeto;
            if (!debateDates.TryGetValue(vote.Date, out var dates))
            {
                dates = DebateDatesOf(vote.Date);
                debateDates[vote.Date] = dates;
            }

            DebateDates = dates;
        }

        public ReadOnlyMemory<char> Variant { get; }

        public ReadOnlyMemory<char> VoteId { get; }

        public bool Council { get; }

        public bool Exact { get; }

        public int Quota { get; }

        public int Year { get; }

        /// <summary>The labels of the vote's conditions (path k is entry k - 1).</summary>
        public ReadOnlyMemory<char>[] Paths { get; }

        /// <summary>Whether a veto can convene the Assembly's debate (otherwise the debate day is always 0).</summary>
        public bool DebatesVeto { get; }

        /// <summary>The meeting date for each working day 1..10 after a veto (entry 0 null).</summary>
        public DateOnly?[] DebateDates { get; }

        /// <summary>
        /// The meeting date for each working day 1..10 after a veto on <paramref name="vote"/>, by the UN Headquarters
        /// calendar (entry 0 and dates the calendar does not cover, 2014-2030, are null).
        /// </summary>
        private static DateOnly?[] DebateDatesOf(DateOnly vote)
        {
            var calendar = HeadquartersCalendar.Calendar;
            var dates = new DateOnly?[VetoDebateDeadline.WorkingDays + 1];
            for (int day = 1; day <= VetoDebateDeadline.WorkingDays; day++)
            {
                var latest = vote.AddDays(2 * VetoDebateDeadline.WorkingDays);
                dates[day] = vote.Year >= calendar.FirstYear && latest.Year <= calendar.LastYear ? calendar.AddWorkingDays(vote, day) : null;
            }

            return dates;
        }
    }
}
