namespace StemSimulator.Runner.Output;

/// <summary>
/// One row group of <c>trials.parquet</c>, column by column, in the form Parquet.Net writes without converting: strings
/// as <see cref="ReadOnlyMemory{T}"/> of characters, nullable columns as their non-null values plus definition levels
/// (1 present, 0 null). Filled by the sink a block at a time and reused for every row group, so writing allocates
/// nothing per row.
/// </summary>
internal sealed class TrialRows(int capacity)
{
    private readonly int[] _present = Enumerable.Repeat(1, capacity).ToArray();

    public ReadOnlyMemory<char>[] Variant { get; } = new ReadOnlyMemory<char>[capacity];

    public ReadOnlyMemory<char>[] VoteId { get; } = new ReadOnlyMemory<char>[capacity];

    /// <summary>All ones: <c>variant</c> and <c>vote_id</c> are optional columns (Parquet.Net's default for strings) that are never null.</summary>
    public int[] Present => _present;

    public long[] Trial { get; } = new long[capacity];

    public int[] Yes { get; } = new int[capacity];

    public int[] No { get; } = new int[capacity];

    public int[] Abstain { get; } = new int[capacity];

    public int[] Absent { get; } = new int[capacity];

    public bool[] Adopted { get; } = new bool[capacity];

    public NullableColumn<ReadOnlyMemory<char>> VetoedBy { get; } = new(capacity);

    public NullableColumn<bool> VetoDecisive { get; } = new(capacity);

    public NullableColumn<double> ExactProbability { get; } = new(capacity);

    public int[] Year { get; } = new int[capacity];

    public bool[] Held { get; } = new bool[capacity];

    public NullableColumn<ReadOnlyMemory<char>> Path { get; } = new(capacity);

    public NullableColumn<int> DebateWorkingDay { get; } = new(capacity);

    public NullableColumn<DateOnly> DebateDate { get; } = new(capacity);

    public int Capacity { get; } = capacity;

    /// <summary>Rows filled.</summary>
    public int Count { get; private set; }

    /// <summary>Marks <paramref name="rows"/> more rows as filled.</summary>
    public void Advance(int rows) => Count += rows;

    /// <summary>Empties the row group (after it was written).</summary>
    public void Clear()
    {
        Count = 0;
        VetoedBy.Count = 0;
        VetoDecisive.Count = 0;
        ExactProbability.Count = 0;
        Path.Count = 0;
        DebateWorkingDay.Count = 0;
        DebateDate.Count = 0;
    }
}

/// <summary>An optional column of a row group: one definition level per row, and the values of the rows that have one.</summary>
/// <remarks>
/// The values' array grows as values come, up to one per row: most of a run's optional columns are null in every row
/// (an Assembly vote has no veto, no path, no debate; a sampled vote no exact probability), and a full array for
/// each of them was about 24 MB of the large-object heap per trial table, allocated for nothing (bench/README.md,
/// "Cold start, fourth round").
/// </remarks>
internal sealed class NullableColumn<T>(int capacity)
{
    /// <summary>The values' array when it first grows (or the row capacity, if smaller).</summary>
    private const int FirstValues = 4096;

    /// <summary>Per row: 1 when it has a value, 0 when null.</summary>
    public int[] Levels { get; } = new int[capacity];

    /// <summary>The non-null values in row order: the first <see cref="Count"/> entries (the array may be longer).</summary>
    public T[] Values { get; private set; } = [];

    public int Count { get; set; }

    /// <summary>Sets row <paramref name="row"/> to null.</summary>
    public void Null(int row) => Levels[row] = 0;

    /// <summary>Sets row <paramref name="row"/> to <paramref name="value"/> (rows are set in order).</summary>
    public void Set(int row, T value)
    {
        Levels[row] = 1;
        if (Count == Values.Length)
        {
            Reserve(1);
        }

        Values[Count++] = value;
    }

    /// <summary>
    /// Makes room for <paramref name="more"/> values after the first <see cref="Count"/> (at most one per row of the
    /// column's capacity), doubling the array when it must grow.
    /// </summary>
    public void Reserve(int more)
    {
        int needed = Count + more;
        if (needed <= Values.Length)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(needed, Levels.Length, nameof(more));
        var values = Values;
        Array.Resize(ref values, Math.Min(Levels.Length, Math.Max(needed, Math.Max(FirstValues, 2 * values.Length))));
        Values = values;
    }

    /// <summary>Sets rows <paramref name="start"/> .. start + count - 1 to null.</summary>
    public void Nulls(int start, int count) => Levels.AsSpan(start, count).Clear();
}
