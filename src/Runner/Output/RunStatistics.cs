using System.Text.Json.Serialization;
using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Output;

/// <summary>
/// The exact statistics of a run or of some of its shards (<c>statistics.json</c>): integer counts and 128-bit
/// fixed-point sums, so merging shards reproduces the single run's tables bit for bit.
/// </summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="ScenarioSha256">Hex SHA-256 of the scenario file.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Trials">Trials of the whole run.</param>
/// <param name="ShardCount">Number of shards the run was split into (1 when unsharded).</param>
/// <param name="Shards">The shards these statistics cover.</param>
/// <param name="EngineVersion">Version of the engine that produced them.</param>
/// <param name="Votes">Per variant and vote, in the run's order (empty for a run of elections only).</param>
/// <param name="Elections">Per variant and election, the elections' counts in the run's order; null when the scenario has no election.</param>
/// <param name="Drift">Per variant, the drift statistics of a multi-year scenario; null when it has no timeline.</param>
/// <param name="Band">
/// The votes at the low and the high end of the analogs' plausible spreads over the band's trials
/// (<see cref="Running.AssumptionBandRun"/>); null when no vote's spread varies (and in files of older versions).
/// </param>
internal sealed record RunStatistics(
    string Scenario,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    int ShardCount,
    IReadOnlyList<int> Shards,
    string EngineVersion,
    IReadOnlyList<VoteStatisticsState> Votes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ElectionTallyState>? Elections = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DriftStatisticsState>? Drift = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AssumptionBandState>? Band = null);
