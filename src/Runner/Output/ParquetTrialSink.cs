using Parquet;
using Parquet.Schema;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>trials.parquet</c>: one row per trial, variant and vote. Rows are buffered column by column and
/// written in row groups of about a million rows, so memory stays flat however many trials run.
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

    public static ParquetSchema Schema { get; } = new(Variant, VoteId, Trial, Yes, No, Abstain, Absent, Adopted, VetoedBy, VetoDecisive, ExactProbability, Year);

    private static readonly string[] VetoNames = Enumerable.Range(0, 32).Select(m => ((PermanentMembers)m).ToCodes()).ToArray();

    private readonly SimulationModel _model;
    private readonly ParquetWriter _writer;
    private readonly string[] _variant = new string[ParquetFiles.RowGroupRows];
    private readonly string[] _voteId = new string[ParquetFiles.RowGroupRows];
    private readonly long[] _trial = new long[ParquetFiles.RowGroupRows];
    private readonly int[] _yes = new int[ParquetFiles.RowGroupRows];
    private readonly int[] _no = new int[ParquetFiles.RowGroupRows];
    private readonly int[] _abstain = new int[ParquetFiles.RowGroupRows];
    private readonly int[] _absent = new int[ParquetFiles.RowGroupRows];
    private readonly bool[] _adopted = new bool[ParquetFiles.RowGroupRows];
    private readonly string?[] _vetoedBy = new string?[ParquetFiles.RowGroupRows];
    private readonly bool?[] _vetoDecisive = new bool?[ParquetFiles.RowGroupRows];
    private readonly double?[] _exact = new double?[ParquetFiles.RowGroupRows];
    private readonly int[] _year = new int[ParquetFiles.RowGroupRows];
    private int _rows;

    private ParquetTrialSink(SimulationModel model, ParquetWriter writer)
    {
        _model = model;
        _writer = writer;
    }

    public static async Task<ParquetTrialSink> CreateAsync(SimulationModel model, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var writer = await ParquetFiles.CreateAsync(Schema, stream, provenance, cancellationToken).ConfigureAwait(false);
        return new ParquetTrialSink(model, writer);
    }

    /// <summary>Rows written so far (including those still buffered).</summary>
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
                for (int r = 0; r < block.Count; r++)
                {
                    if (_rows == ParquetFiles.RowGroupRows)
                    {
                        FlushAsync().GetAwaiter().GetResult();
                    }

                    int row = _rows++;
                    _variant[row] = variant.Name;
                    _voteId[row] = vote.Id;
                    _trial[row] = block.FirstTrial + r;
                    _yes[row] = columns.Yes[r];
                    _no[row] = columns.No[r];
                    _abstain[row] = columns.Abstain[r];
                    _absent[row] = columns.Absent[r];
                    _adopted[row] = columns.Adopted[r];
                    var vetoedBy = columns.VetoedBy[r];
                    _vetoedBy[row] = vetoedBy == PermanentMembers.None ? null : VetoNames[(int)vetoedBy];
                    _vetoDecisive[row] = council ? vetoedBy != PermanentMembers.None && columns.Yes[r] >= SecurityCouncilRules.RequiredYesVotes : null;
                    _exact[row] = exact ? columns.ExactProbability[r] : null;
                    _year[row] = vote.Date.Year;
                }

                RowsWritten += block.Count;
            }
        }
    }

    private async Task FlushAsync()
    {
        if (_rows == 0)
        {
            return;
        }

        int n = _rows;
        using (var group = _writer.CreateRowGroup())
        {
            await group.WriteAsync(Variant, new ArraySegment<string>(_variant, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(VoteId, new ArraySegment<string>(_voteId, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Trial, Head(_trial, n)).ConfigureAwait(false);
            await group.WriteAsync(Yes, Head(_yes, n)).ConfigureAwait(false);
            await group.WriteAsync(No, Head(_no, n)).ConfigureAwait(false);
            await group.WriteAsync(Abstain, Head(_abstain, n)).ConfigureAwait(false);
            await group.WriteAsync(Absent, Head(_absent, n)).ConfigureAwait(false);
            await group.WriteAsync(Adopted, Head(_adopted, n)).ConfigureAwait(false);
            await group.WriteAsync(VetoedBy, new ArraySegment<string>(_vetoedBy!, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(VetoDecisive, Head(_vetoDecisive, n)).ConfigureAwait(false);
            await group.WriteAsync(ExactProbability, Head(_exact, n)).ConfigureAwait(false);
            await group.WriteAsync(Year, Head(_year, n)).ConfigureAwait(false);
        }

        _rows = 0;
    }

    private static ReadOnlyMemory<T> Head<T>(T[] values, int count) => new(values, 0, count);

    /// <summary>Writes the last row group and the footer.</summary>
    public async Task CompleteAsync()
    {
        await FlushAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
