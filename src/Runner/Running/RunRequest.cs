namespace StemSimulator.Runner.Running;

/// <summary>What the user asked <c>stemsim run</c> to do.</summary>
internal sealed record RunRequest
{
    public required string ScenarioPath { get; init; }

    public long? Trials { get; init; }

    public ulong? Seed { get; init; }

    public string? OutputFolder { get; init; }

    public bool Force { get; init; }

    public int? Threads { get; init; }

    public bool Quiet { get; init; }
}
