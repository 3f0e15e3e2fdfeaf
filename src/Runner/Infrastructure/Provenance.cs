using System.Globalization;
using System.Reflection;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>Where a run's numbers came from; written into every Parquet file's key-value metadata.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="ScenarioFile">Scenario file as given.</param>
/// <param name="ScenarioSha256">Hex SHA-256 of the scenario file.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Trials">Trials of the whole run.</param>
/// <param name="Shard">Which part of the run: "0/1" for a whole run, "k/N" for shard k of N, "merged 0-2/3" after a merge.</param>
/// <param name="CreatedUtc">When the run started (UTC); null for a shard, so that re-running a shard reproduces its
/// files byte for byte (the merge records its own time).</param>
internal sealed record Provenance(
    string Scenario,
    string ScenarioFile,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    string Shard,
    DateTimeOffset? CreatedUtc)
{
    /// <summary>The engine's version, e.g. 0.1.0.</summary>
    public static string EngineVersion { get; } = InformationalVersion().Split('+')[0];

    /// <summary>The git commit the tool was built from, or "unknown".</summary>
    public static string GitCommit { get; } = InformationalVersion().Split('+') is [_, var commit, ..] ? commit : "unknown";

    /// <summary>The key-value pairs stored in the files (keys prefixed "stemsim.").</summary>
    public Dictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>
        {
            ["stemsim.scenario"] = Scenario,
            ["stemsim.scenario_file"] = ScenarioFile,
            ["stemsim.scenario_sha256"] = ScenarioSha256,
            ["stemsim.seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            ["stemsim.trials"] = Trials.ToString(CultureInfo.InvariantCulture),
            ["stemsim.shard"] = Shard,
            ["stemsim.engine_version"] = EngineVersion,
            ["stemsim.git_commit"] = GitCommit,
            ["stemsim.positions"] = "StemSimulator calibration 1946-2021 (embedded; the scenario's 'calibration' year, default 2021)",
        };
        if (CreatedUtc is { } created)
        {
            metadata["stemsim.created_utc"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        return metadata;
    }

    private static string InformationalVersion() =>
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
