using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The calibrated positions of every voting unit by year (<c>ReferenceData/calibration.csv.gz</c>), with the
/// random-walk step of the calibration, which says how much positions drift in a year.
/// </summary>
public sealed class CalibratedPositions
{
    // A plain dictionary: built at every start and read for a few hundred codes, a frozen one never paid for its construction.
    private readonly Dictionary<string, MemberPosition[]> _byCode;

    private readonly FrozenDictionary<string, MemberPosition>? _updated;
    private readonly int _updatedFrom;

    private CalibratedPositions(CalibratedPositions table, IReadOnlyDictionary<string, MemberPosition> updated, int fromYear)
    {
        _byCode = table._byCode;
        FirstYear = table.FirstYear;
        LatestYear = table.LatestYear;
        PositionStepSd = table.PositionStepSd;
        _updated = updated.ToFrozenDictionary(StringComparer.Ordinal);
        _updatedFrom = fromYear;
    }

    internal CalibratedPositions(IEnumerable<MemberPosition> positions, double positionStepSd)
    {
        var byCode = new Dictionary<string, List<MemberPosition>>(StringComparer.Ordinal);
        foreach (var position in positions)
        {
            ref var rows = ref CollectionsMarshal.GetValueRefOrAddDefault(byCode, position.Code, out _);
            (rows ??= []).Add(position);
        }

        _byCode = new Dictionary<string, MemberPosition[]>(byCode.Count, StringComparer.Ordinal);
        foreach (var (code, rows) in byCode)
        {
            _byCode.Add(code, InYearOrder(rows));
        }

        FirstYear = _byCode.Count == 0 ? 0 : _byCode.Values.Min(p => p[0].Year);
        LatestYear = _byCode.Count == 0 ? 0 : _byCode.Values.Max(p => p[^1].Year);
        PositionStepSd = positionStepSd;
    }

    /// <summary>A unit's rows by year, the table's order kept among rows of the same year (as a stable sort keeps it).</summary>
    private static MemberPosition[] InYearOrder(List<MemberPosition> rows)
    {
        for (int i = 1; i < rows.Count; i++)
        {
            if (rows[i].Year < rows[i - 1].Year)
            {
                return rows.OrderBy(p => p.Year).ToArray();
            }
        }

        return rows.ToArray();
    }

    /// <summary>
    /// The same table with the positions of <paramref name="updated"/> (a scenario's evidence, their
    /// <see cref="MemberPosition.SourceYear"/> the evidence year) in place of every member's position asked for
    /// <paramref name="fromYear"/> or later.
    /// </summary>
    public CalibratedPositions WithUpdates(IReadOnlyDictionary<string, MemberPosition> updated, int fromYear) => new(this, updated, fromYear);

    /// <summary>First year of the table (1946).</summary>
    public int FirstYear { get; }

    /// <summary>Latest year of the table: the default calibration year of a scenario.</summary>
    public int LatestYear { get; }

    /// <summary>Standard deviation of a position's change from one year to the next (the calibration's random-walk step), &gt; 0.</summary>
    public double PositionStepSd { get; }

    /// <summary>Codes of the units in the table (UN members and historical units), sorted.</summary>
    public IReadOnlyList<string> Codes => _byCode.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The position of <paramref name="code"/> for <paramref name="year"/>: that year's estimate, else the latest
    /// earlier one, else (a member admitted later) its first; null when the unit has no estimate at all.
    /// </summary>
    public MemberPosition? Find(string code, int year)
    {
        if (_updated is not null && year >= _updatedFrom && _updated.TryGetValue(code, out var evidence))
        {
            return evidence with { Year = year };
        }

        if (!_byCode.TryGetValue(code, out var rows))
        {
            return null;
        }

        var chosen = rows[0];
        foreach (var row in rows)
        {
            if (row.Year <= year)
            {
                chosen = row;
            }
        }

        // The row itself when it is the year's own (most lookups): records are immutable, so sharing it is safe.
        return chosen.Year == year ? chosen : chosen with { Year = year };
    }
}
