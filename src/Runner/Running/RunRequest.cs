namespace StemSimulator.Runner.Running;

/// <summary>What the user asked <c>stemsim run</c> to do.</summary>
internal sealed record RunRequest
{
    public required string ScenarioPath { get; init; }

    public long? Trials { get; init; }

    public ulong? Seed { get; init; }

    /// <summary>A calibration table (<c>stemsim calibrate --out FILE</c>) replacing the scenario's, or null.</summary>
    public string? CalibrationFile { get; init; }

    public string? OutputFolder { get; init; }

    public bool Force { get; init; }

    public int? Threads { get; init; }

    public bool Quiet { get; init; }

    /// <summary>Print the summary as JSON on standard output instead of the tables.</summary>
    public bool Json { get; init; }

    /// <summary>Print the summary table's rows as CSV on standard output instead of the tables.</summary>
    public bool Csv { get; init; }

    /// <summary>Print the wall time of each phase (start-up, scenario, estimator, simulate, tables, report) on standard error.</summary>
    public bool Timings { get; init; }

    /// <summary>This shard's index, 0 to <see cref="ShardCount"/> - 1; null for an unsharded run.</summary>
    public int? ShardIndex { get; init; }

    /// <summary>Number of shards; null for an unsharded run.</summary>
    public int? ShardCount { get; init; }

    /// <summary>Also write <c>member_votes/</c>: every member's vote in every trial (opt-in; its size is stated and limited).</summary>
    public bool MemberVotes { get; init; }
}
