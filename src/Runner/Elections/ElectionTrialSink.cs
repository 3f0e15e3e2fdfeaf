using System.Text;
using Parquet.Schema;
using Parquet;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Elections;

/// <summary>
/// Writes a part of <c>elections/</c>: one row per variant, election, seat group and trial, with the elected candidates
/// in the order they were elected and the number of ballots. Rows are buffered column by column and written in row
/// groups of about a million, so memory stays flat however many trials run.
/// </summary>
internal sealed class ElectionTrialSink : IElectionBlockSink, IAsyncDisposable
{
    public static readonly DataField<string> Variant = ElectionTableDescriptions.Elections.Field<string>("variant");
    public static readonly DataField<string> ElectionId = ElectionTableDescriptions.Elections.Field<string>("election_id");
    public static readonly DataField<string> Body = ElectionTableDescriptions.Elections.Field<string>("body");
    public static readonly DataField<string> SeatGroup = ElectionTableDescriptions.Elections.Field<string>("seat_group");
    public static readonly DataField<long> Trial = ElectionTableDescriptions.Elections.Field<long>("trial");
    public static readonly DataField<string> Elected = ElectionTableDescriptions.Elections.Field<string>("elected");
    public static readonly DataField<int> Rounds = ElectionTableDescriptions.Elections.Field<int>("rounds");
    public static readonly DataField<bool> Capped = ElectionTableDescriptions.Elections.Field<bool>("capped");
    public static readonly DataField<int> UnfilledSeats = ElectionTableDescriptions.Elections.Field<int>("unfilled_seats");
    public static readonly DataField<string> Withdrawn = ElectionTableDescriptions.Elections.Field<string>("withdrawn");
    public static readonly DataField<int> Year = ElectionTableDescriptions.Elections.Field<int>("year");

    public static ParquetSchema Schema => ElectionTableDescriptions.Elections.Schema;

    private readonly SimulationModel _model;
    private readonly ParquetWriter _writer;
    private readonly string[] _variant = new string[ParquetFiles.RowGroupRows];
    private readonly string[] _election = new string[ParquetFiles.RowGroupRows];
    private readonly string[] _body = new string[ParquetFiles.RowGroupRows];
    private readonly string[] _group = new string[ParquetFiles.RowGroupRows];
    private readonly long[] _trial = new long[ParquetFiles.RowGroupRows];
    private readonly string?[] _elected = new string?[ParquetFiles.RowGroupRows];
    private readonly int[] _rounds = new int[ParquetFiles.RowGroupRows];
    private readonly bool[] _capped = new bool[ParquetFiles.RowGroupRows];
    private readonly int[] _unfilled = new int[ParquetFiles.RowGroupRows];
    private readonly string?[] _withdrawn = new string?[ParquetFiles.RowGroupRows];
    private readonly int[] _year = new int[ParquetFiles.RowGroupRows];
    private readonly Dictionary<(ElectionModel, int, int, int, int), string> _electedNames = [];
    private readonly Dictionary<(ElectionModel, ulong), string> _withdrawnNames = [];
    private int _rows;

    private ElectionTrialSink(SimulationModel model, ParquetWriter writer)
    {
        _model = model;
        _writer = writer;
    }

    public static async Task<ElectionTrialSink> CreateAsync(SimulationModel model, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var writer = await ParquetFiles.CreateAsync(ElectionTableDescriptions.Elections, stream, ElectionTables.WithRoundCaps(model, provenance), cancellationToken).ConfigureAwait(false);
        return new ElectionTrialSink(model, writer);
    }

    public void Write(ElectionTrialBlock block)
    {
        for (int v = 0; v < _model.Variants.Count; v++)
        {
            var variant = _model.Variants[v];
            for (int e = 0; e < variant.Elections.Count; e++)
            {
                var columns = block[v, e];
                var election = columns.Election;
                string body = ElectionNames.Body(election);
                for (int r = 0; r < block.Count; r++)
                {
                    for (int g = 0; g < columns.Groups; g++)
                    {
                        if (_rows == ParquetFiles.RowGroupRows)
                        {
                            FlushAsync().GetAwaiter().GetResult();
                        }

                        int at = (r * columns.Groups) + g;
                        int row = _rows++;
                        _variant[row] = variant.Name;
                        _election[row] = election.Id;
                        _body[row] = body;
                        _group[row] = ElectionNames.Region(election.SeatGroups[g].Region);
                        _trial[row] = block.FirstTrial + r;
                        _elected[row] = ElectedName(election, columns.Elected.AsSpan(at * columns.MaxSeats, columns.MaxSeats));
                        _rounds[row] = columns.Rounds[at];
                        _capped[row] = columns.Capped[at];
                        _unfilled[row] = columns.Unfilled[at];
                        _withdrawn[row] = WithdrawnName(election, columns.Withdrawn[at]);
                        _year[row] = election.Date.Year;
                    }
                }
            }
        }
    }

    /// <summary>"NLD+ESP": the elected in order of election; null when nobody was.</summary>
    private string? ElectedName(ElectionModel election, ReadOnlySpan<int> elected)
    {
        if (elected.Length == 0 || elected[0] < 0)
        {
            return null;
        }

        // Seats per group are few; the key holds up to four places, longer lists are built each time.
        if (elected.Length > 4)
        {
            return Join(election, elected);
        }

        var key = (election, elected[0], elected.Length > 1 ? elected[1] : -1, elected.Length > 2 ? elected[2] : -1, elected.Length > 3 ? elected[3] : -1);
        if (!_electedNames.TryGetValue(key, out var name))
        {
            name = Join(election, elected);
            _electedNames[key] = name;
        }

        return name;
    }

    private static string Join(ElectionModel election, ReadOnlySpan<int> elected)
    {
        var builder = new StringBuilder();
        foreach (int c in elected)
        {
            if (c < 0)
            {
                break;
            }

            builder.Append(builder.Length > 0 ? "+" : string.Empty).Append(election.Candidates[c].Code);
        }

        return builder.ToString();
    }

    private string? WithdrawnName(ElectionModel election, ulong mask)
    {
        if (mask == 0)
        {
            return null;
        }

        if (!_withdrawnNames.TryGetValue((election, mask), out var name))
        {
            name = string.Join('+', election.Candidates.Where((_, c) => (mask & (1UL << c)) != 0).Select(c => c.Code));
            _withdrawnNames[(election, mask)] = name;
        }

        return name;
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
            await group.WriteAsync(ElectionId, new ArraySegment<string>(_election, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Body, new ArraySegment<string>(_body, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(SeatGroup, new ArraySegment<string>(_group, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Trial, new ReadOnlyMemory<long>(_trial, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Elected, new ArraySegment<string>(_elected!, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Rounds, new ReadOnlyMemory<int>(_rounds, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Capped, new ReadOnlyMemory<bool>(_capped, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(UnfilledSeats, new ReadOnlyMemory<int>(_unfilled, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Withdrawn, new ArraySegment<string>(_withdrawn!, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(Year, new ReadOnlyMemory<int>(_year, 0, n)).ConfigureAwait(false);
        }

        _rows = 0;
    }

    /// <summary>Writes the last row group and the footer.</summary>
    public Task CompleteAsync() => FlushAsync();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
