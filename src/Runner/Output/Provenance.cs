using System.Globalization;
using System.Reflection;

namespace StemSimulator.Runner.Output;

/// <summary>Where a run's numbers came from; written into every Parquet file's key-value metadata.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="ScenarioFile">Scenario file as given.</param>
/// <param name="ScenarioSha256">Hex SHA-256 of the scenario file.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Trials">Trials of the whole run.</param>
/// <param name="ShardIndex">This shard's index (0 for an unsharded run).</param>
/// <param name="ShardCount">Number of shards (1 for an unsharded run).</param>
/// <param name="CreatedUtc">When the run started (UTC).</param>
internal sealed record Provenance(
    string Scenario,
    string ScenarioFile,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    int ShardIndex,
    int ShardCount,
    DateTimeOffset CreatedUtc)
{
    /// <summary>The engine's version, e.g. 0.1.0.</summary>
    public static string EngineVersion { get; } = InformationalVersion().Split('+')[0];

    /// <summary>The git commit the tool was built from, or "unknown".</summary>
    public static string GitCommit { get; } = InformationalVersion().Split('+') is [_, var commit, ..] ? commit : "unknown";

    /// <summary>The key-value pairs stored in the files (keys prefixed "stemsim.").</summary>
    public Dictionary<string, string> ToMetadata() => new()
    {
        ["stemsim.scenario"] = Scenario,
        ["stemsim.scenario_file"] = ScenarioFile,
        ["stemsim.scenario_sha256"] = ScenarioSha256,
        ["stemsim.seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        ["stemsim.trials"] = Trials.ToString(CultureInfo.InvariantCulture),
        ["stemsim.shard"] = $"{ShardIndex}/{ShardCount}",
        ["stemsim.engine_version"] = EngineVersion,
        ["stemsim.git_commit"] = GitCommit,
        ["stemsim.created_utc"] = CreatedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["stemsim.positions"] = "StemSimulator calibration 1946-2021 (embedded; the scenario's 'calibration' year, default 2021)",
    };

    private static string InformationalVersion() =>
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
