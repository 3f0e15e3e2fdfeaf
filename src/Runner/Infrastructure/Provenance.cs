using System.Globalization;
using System.Reflection;
using StemSimulator.Scenarios.Reference;

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
    /// <summary>The user's calibration table the run used, or null for the embedded calibration.</summary>
    public CalibrationSource? Calibration { get; init; }

    /// <summary>How old the positions are for each vote (<see cref="Running.PositionAge"/> lines), or null.</summary>
    public string? PositionsAge { get; init; }

    /// <summary>
    /// For a run conditioned on announced votes: which votes and announcements, with the draws once the run is done
    /// (<see cref="Running.GivenSummary.Metadata"/>); null otherwise, and then no key is written.
    /// </summary>
    public string? Given { get; init; }

    /// <summary>The engine's version, e.g. 0.1.0.</summary>
    public static string EngineVersion { get; } = InformationalVersion().Split('+')[0];

    /// <summary>The git commit the tool was built from, or "unknown".</summary>
    public static string GitCommit { get; } = InformationalVersion().Split('+') is [_, var commit, ..] ? commit : "unknown";

    /// <summary>
    /// The run's provenance in the shape every table carries: command <c>run</c> (<c>merge</c> for merged shards),
    /// inputs <c>scenario</c>, <c>scenario_file</c>, <c>scenario_sha256</c>, <c>seed</c>, <c>trials</c>, <c>shard</c> and
    /// <c>positions</c> (the data vintage), then <c>positions_age</c>, <c>given</c>, <c>positions_file</c> and <c>positions_sha256</c>
    /// where they apply.
    /// </summary>
    public TableProvenance ToTable()
    {
        var inputs = new List<KeyValuePair<string, string>>
        {
            new("scenario", Scenario),
            new("scenario_file", ScenarioFile),
            new("scenario_sha256", ScenarioSha256),
            new("seed", Seed.ToString(CultureInfo.InvariantCulture)),
            new("trials", Trials.ToString(CultureInfo.InvariantCulture)),
            new("shard", Shard),
            new("positions", Calibration?.Describe() ?? "StemSimulator calibration 1946-2021 (embedded; the scenario's 'calibration' year, default 2021)"),
        };
        if (PositionsAge is { Length: > 0 } age)
        {
            inputs.Add(new("positions_age", age));
        }

        if (Given is { Length: > 0 } given)
        {
            inputs.Add(new("given", given));
        }

        if (Calibration is { } table)
        {
            inputs.Add(new("positions_file", table.Path));
            inputs.Add(new("positions_sha256", table.Sha256));
        }

        return new(Shard.StartsWith("merged", StringComparison.Ordinal) ? "merge" : "run", inputs, CreatedUtc);
    }

    /// <summary>The key-value pairs stored in the files (keys prefixed "stemsim."; see <see cref="TableProvenance"/>).</summary>
    public Dictionary<string, string> ToMetadata() => ToTable().ToMetadata();

    private static string InformationalVersion() =>
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
