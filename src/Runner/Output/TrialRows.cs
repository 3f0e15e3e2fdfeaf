namespace StemSimulator.Runner.Output;

/// <summary>One row group of <c>trials.parquet</c>, column by column, filled by the simulation and written by the writer.</summary>
internal sealed class TrialRows(int capacity)
{
    public string[] Variant { get; } = new string[capacity];

    public string[] VoteId { get; } = new string[capacity];

    public long[] Trial { get; } = new long[capacity];

    public int[] Yes { get; } = new int[capacity];

    public int[] No { get; } = new int[capacity];

    public int[] Abstain { get; } = new int[capacity];

    public int[] Absent { get; } = new int[capacity];

    public bool[] Adopted { get; } = new bool[capacity];

    public string?[] VetoedBy { get; } = new string?[capacity];

    public bool?[] VetoDecisive { get; } = new bool?[capacity];

    public double?[] ExactProbability { get; } = new double?[capacity];

    public int[] Year { get; } = new int[capacity];

    public bool[] Held { get; } = new bool[capacity];

    public string?[] Path { get; } = new string?[capacity];

    public int?[] DebateWorkingDay { get; } = new int?[capacity];

    public DateOnly?[] DebateDate { get; } = new DateOnly?[capacity];

    public int Capacity { get; } = capacity;

    public int Count { get; set; }
}
