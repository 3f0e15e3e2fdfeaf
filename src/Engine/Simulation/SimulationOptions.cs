namespace StemSimulator.Engine.Simulation;

/// <summary>How a simulation runs (never what it computes: results do not depend on these settings).</summary>
public sealed record SimulationOptions
{
    /// <summary>Worker threads, &gt;= 1 (default: all cores).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Trials per block handed to a worker and to the sinks, 1 to 1,048,576.</summary>
    public int BlockSize { get; init; } = 8192;

    /// <summary>First trial to run (for a shard), &gt;= 0.</summary>
    public long FirstTrial { get; init; }

    /// <summary>Number of trials to run; null runs to the model's last trial.</summary>
    public long? TrialCount { get; init; }

    /// <summary>
    /// Whether the blocks handed to the sink carry every participant's vote (<see cref="VoteTrialColumns.Choices"/>),
    /// for a sink that writes them; the kernel copies them once per trial and vote. Default false.
    /// </summary>
    public bool MemberChoices { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSize, 1, nameof(BlockSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BlockSize, 1 << 20, nameof(BlockSize));
        ArgumentOutOfRangeException.ThrowIfNegative(FirstTrial, nameof(FirstTrial));
        if (TrialCount is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(count, 0, nameof(TrialCount));
        }
    }
}
