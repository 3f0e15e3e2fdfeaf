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
internal sealed class NullableColumn<T>(int capacity)
{
    /// <summary>Per row: 1 when it has a value, 0 when null.</summary>
    public int[] Levels { get; } = new int[capacity];

    /// <summary>The non-null values in row order; <see cref="Count"/> of them.</summary>
    public T[] Values { get; } = new T[capacity];

    public int Count { get; set; }

    /// <summary>Sets row <paramref name="row"/> to null.</summary>
    public void Null(int row) => Levels[row] = 0;

    /// <summary>Sets row <paramref name="row"/> to <paramref name="value"/> (rows are set in order).</summary>
    public void Set(int row, T value)
    {
        Levels[row] = 1;
        Values[Count++] = value;
    }

    /// <summary>Sets rows <paramref name="start"/> .. start + count - 1 to null.</summary>
    public void Nulls(int start, int count) => Levels.AsSpan(start, count).Clear();
}
