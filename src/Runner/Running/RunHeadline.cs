namespace StemSimulator.Runner.Running;

/// <summary>What the console report says about a run before its table.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Description">The scenario's description, if any.</param>
/// <param name="File">The scenario file as given.</param>
/// <param name="Trials">Trials of the whole run.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Scope">Which part of the run the table covers (a shard, merged shards), or null for the whole run.</param>
internal sealed record RunHeadline(string Scenario, string? Description, string File, long Trials, ulong Seed, string? Scope);
