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

    /// <summary>The calibration year the votes' positions start from, or null (no votes, or not known).</summary>
    public int? PositionsYear { get; init; }

    /// <summary>The scenario file's text, so that a table read alone still says what was run; null when not kept.</summary>
    public string? ScenarioText { get; init; }

    /// <summary>
    /// Inputs carried over from the shards a merge combines (<see cref="InheritedKeys"/>, without the <c>stemsim.</c>
    /// prefix): they replace the positions and scenario-text entries this object would otherwise describe.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Inherited { get; init; }

    /// <summary>The inputs a merge carries over from its shards, in the order a run writes them.</summary>
    public static IReadOnlyList<string> InheritedKeys { get; } =
        ["positions", "positions_year", "positions_age", "given", "positions_file", "positions_sha256", "evidence", "scenario_text"];

    /// <summary>How old the positions are for each vote (<see cref="Running.PositionAge"/> lines), or null.</summary>
    public string? PositionsAge { get; init; }

    /// <summary>
    /// For a run conditioned on announced votes: which votes and announcements, with the draws once the run is done
    /// (<see cref="Running.GivenSummary.Metadata"/>); null otherwise, and then no key is written.
    /// </summary>
    public string? Given { get; init; }

    /// <summary>
    /// The files of recorded votes the scenario read as evidence, each with its SHA-256 and roll calls
    /// (<see cref="Scenarios.Evidence.EvidenceSource.Metadata"/>); null without evidence files, and then no key is written.
    /// </summary>
    public string? Evidence { get; init; }

    /// <summary>The engine's version, e.g. 0.1.0.</summary>
    public static string EngineVersion { get; } = InformationalVersion().Split('+')[0];

    /// <summary>The git commit the tool was built from, or "unknown".</summary>
    public static string GitCommit { get; } = InformationalVersion().Split('+') is [_, var commit, ..] ? commit : "unknown";

    /// <summary>
    /// The run's provenance in the shape every table carries: command <c>run</c> (<c>merge</c> for merged shards),
    /// inputs <c>scenario</c>, <c>scenario_file</c>, <c>scenario_sha256</c>, <c>seed</c>, <c>trials</c>, <c>shard</c> and
    /// <c>positions</c> (the data vintage), then <c>positions_year</c>, <c>positions_age</c>, <c>given</c>,
    /// <c>positions_file</c>, <c>positions_sha256</c> and <c>scenario_text</c> where they apply.
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
        };
        if (Inherited is not null)
        {
            inputs.AddRange(Inherited);
        }
        else
        {
            AddPositionsAndText(inputs);
        }

        return new(Shard.StartsWith("merged", StringComparison.Ordinal) ? "merge" : "run", inputs, CreatedUtc);
    }

    /// <summary>The key-value pairs stored in the files (keys prefixed "stemsim."; see <see cref="TableProvenance"/>).</summary>
    public Dictionary<string, string> ToMetadata() => ToTable().ToMetadata();

    private void AddPositionsAndText(List<KeyValuePair<string, string>> inputs)
    {
        inputs.Add(new("positions", Calibration?.Describe() ?? EmbeddedPositions()));
        if (PositionsYear is { } year)
        {
            inputs.Add(new("positions_year", year.ToString(CultureInfo.InvariantCulture)));
        }

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

        if (Evidence is { Length: > 0 } evidence)
        {
            inputs.Add(new("evidence", evidence));
        }

        if (ScenarioText is { } text)
        {
            inputs.Add(new("scenario_text", text));
        }
    }

    private string EmbeddedPositions() => PositionsYear is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"StemSimulator calibration 1946-2021 (embedded), positions of {year}")
        : "StemSimulator calibration 1946-2021 (embedded)";

    private static string InformationalVersion() =>
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
