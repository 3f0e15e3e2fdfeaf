using Parquet;
using Parquet.Schema;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Engine.Calendar;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>trials.parquet</c>: one row per trial, variant and vote. Rows are copied into a row-group buffer on
/// the consuming thread, and a full buffer is encoded and written there too, while the simulation's worker threads
/// keep filling their ring of blocks ahead (see <see cref="MonteCarloSimulator"/>): encoding stays off the
/// simulation threads and memory stays flat however many trials run. (A second buffer encoded in the background
/// was measured to add about 70 MB per million rows for no gain in throughput on two cores.)
/// </summary>
internal sealed class ParquetTrialSink : ITrialBlockSink, IAsyncDisposable
{
    public static readonly DataField<string> Variant = new("variant");
    public static readonly DataField<string> VoteId = new("vote_id");
    public static readonly DataField<long> Trial = new("trial");
    public static readonly DataField<int> Yes = new("yes");
    public static readonly DataField<int> No = new("no");
    public static readonly DataField<int> Abstain = new("abstain");
    public static readonly DataField<int> Absent = new("absent");
    public static readonly DataField<bool> Adopted = new("adopted");
    public static readonly DataField<string> VetoedBy = new("vetoed_by", true);
    public static readonly DataField<bool?> VetoDecisive = new("veto_decisive");
    public static readonly DataField<double?> ExactProbability = new("p_adopted_exact");
    public static readonly DataField<int> Year = new("year");
    public static readonly DataField<bool> Held = new("held");
    public static readonly DataField<string> Path = new("path", true);
    public static readonly DataField<int?> DebateWorkingDay = new("debate_working_day");
    public static readonly DataField<DateOnly?> DebateDate = new("debate_date");

    public static ParquetSchema Schema { get; } = new(Variant, VoteId, Trial, Yes, No, Abstain, Absent, Adopted, VetoedBy, VetoDecisive, ExactProbability, Year, Held, Path, DebateWorkingDay, DebateDate);

    private static readonly string[] VetoNames = Enumerable.Range(0, 32).Select(m => ((PermanentMembers)m).ToCodes()).ToArray();

    private readonly SimulationModel _model;
    private readonly ParquetWriter _writer;
    private readonly CancellationToken _cancellationToken;
    private readonly TrialRows _rows;
    private readonly Dictionary<DateOnly, DateOnly?[]> _debateDates = [];

    private ParquetTrialSink(SimulationModel model, ParquetWriter writer, int rowGroupRows, CancellationToken cancellationToken)
    {
        _model = model;
        _writer = writer;
        _cancellationToken = cancellationToken;
        _rows = new TrialRows(rowGroupRows);
    }

    /// <summary>Creates a sink writing to <paramref name="stream"/>.</summary>
    /// <param name="model">The model whose trials arrive.</param>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="provenance">Metadata for the file.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <param name="rowGroupRows">Rows per row group (default about a million).</param>
    public static async Task<ParquetTrialSink> CreateAsync(SimulationModel model, Stream stream, Provenance provenance, CancellationToken cancellationToken, int rowGroupRows = ParquetFiles.RowGroupRows)
    {
        var writer = await ParquetFiles.CreateAsync(Schema, stream, provenance, cancellationToken).ConfigureAwait(false);
        return new ParquetTrialSink(model, writer, rowGroupRows, cancellationToken);
    }

    /// <summary>Rows received so far.</summary>
    public long RowsWritten { get; private set; }

    public void Write(TrialBlock block)
    {
        for (int v = 0; v < _model.Variants.Count; v++)
        {
            var variant = _model.Variants[v];
            for (int j = 0; j < variant.Votes.Count; j++)
            {
                var vote = variant.Votes[j];
                var columns = block[v, j];
                bool council = vote.Body == Body.SecurityCouncil;
                bool exact = vote.Estimator == OutcomeEstimator.ExactConditional;
                int year = vote.Date.Year;
                var paths = vote.Conditions.Select(c => c.Label).ToArray();
                var debateDates = DebateDates(vote.Date);
                for (int r = 0; r < block.Count; r++)
                {
                    var rows = _rows;
                    if (rows.Count == rows.Capacity)
                    {
                        WriteRowGroupAsync(rows).GetAwaiter().GetResult();
                        rows.Count = 0;
                    }

                    int row = rows.Count++;
                    rows.Variant[row] = variant.Name;
                    rows.VoteId[row] = vote.Id;
                    rows.Trial[row] = block.FirstTrial + r;
                    rows.Yes[row] = columns.Yes[r];
                    rows.No[row] = columns.No[r];
                    rows.Abstain[row] = columns.Abstain[r];
                    rows.Absent[row] = columns.Absent[r];
                    rows.Adopted[row] = columns.Adopted[r];
                    var vetoedBy = columns.VetoedBy[r];
                    rows.VetoedBy[row] = vetoedBy == PermanentMembers.None ? null : VetoNames[(int)vetoedBy];
                    rows.VetoDecisive[row] = council ? vetoedBy != PermanentMembers.None && columns.Yes[r] >= vote.CouncilRule.Quota : null;
                    rows.ExactProbability[row] = exact ? columns.ExactProbability[r] : null;
                    rows.Year[row] = year;
                    bool held = columns.Held[r];
                    rows.Held[row] = held;
                    rows.Path[row] = columns.Path[r] > 0 ? paths[columns.Path[r] - 1] : null;
                    rows.DebateWorkingDay[row] = columns.DebateDay[r] > 0 ? columns.DebateDay[r] : null;
                    rows.DebateDate[row] = debateDates[columns.DebateDay[r]];
                    if (!held)
                    {
                        rows.VetoDecisive[row] = null;
                    }
                }

                RowsWritten += block.Count;
            }
        }
    }

    private async Task WriteRowGroupAsync(TrialRows rows)
    {
        int n = rows.Count;
        if (n == 0)
        {
            return;
        }

        var token = _cancellationToken;
        using var group = _writer.CreateRowGroup();
        await group.WriteAsync(Variant, new ArraySegment<string>(rows.Variant, 0, n)).ConfigureAwait(false);
        await group.WriteAsync(VoteId, new ArraySegment<string>(rows.VoteId, 0, n)).ConfigureAwait(false);
        await group.WriteAsync(Trial, Head(rows.Trial, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Yes, Head(rows.Yes, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(No, Head(rows.No, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Abstain, Head(rows.Abstain, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Absent, Head(rows.Absent, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Adopted, Head(rows.Adopted, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(VetoedBy, new ArraySegment<string>(rows.VetoedBy!, 0, n)).ConfigureAwait(false);
        await group.WriteAsync(VetoDecisive, Head(rows.VetoDecisive, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(ExactProbability, Head(rows.ExactProbability, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Year, Head(rows.Year, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Held, Head(rows.Held, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(Path, new ArraySegment<string>(rows.Path!, 0, n)).ConfigureAwait(false);
        await group.WriteAsync(DebateWorkingDay, Head(rows.DebateWorkingDay, n), null, null, token).ConfigureAwait(false);
        await group.WriteAsync(DebateDate, Head(rows.DebateDate, n), null, null, token).ConfigureAwait(false);
    }

    private static ReadOnlyMemory<T> Head<T>(T[] values, int count) => new(values, 0, count);

    /// <summary>
    /// The meeting date for each working day 1..10 after a veto on <paramref name="vote"/>, by the UN Headquarters
    /// calendar (entry 0 and dates the calendar does not cover, 2014-2030, are null).
    /// </summary>
    private DateOnly?[] DebateDates(DateOnly vote)
    {
        if (!_debateDates.TryGetValue(vote, out var dates))
        {
            var calendar = HeadquartersCalendar.Calendar;
            dates = new DateOnly?[VetoDebateDeadline.WorkingDays + 1];
            for (int day = 1; day <= VetoDebateDeadline.WorkingDays; day++)
            {
                var latest = vote.AddDays(2 * VetoDebateDeadline.WorkingDays);
                dates[day] = vote.Year >= calendar.FirstYear && latest.Year <= calendar.LastYear ? calendar.AddWorkingDays(vote, day) : null;
            }

            _debateDates[vote] = dates;
        }

        return dates;
    }

    /// <summary>Writes the remaining rows; the footer follows on dispose.</summary>
    public async Task CompleteAsync()
    {
        await WriteRowGroupAsync(_rows).ConfigureAwait(false);
        _rows.Count = 0;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
