using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A scenario file as written: what to simulate, on which membership, with which votes, elections and what-ifs.
/// Keys are snake_case in YAML (<c>as_of</c>, <c>global_sd</c>).
/// </summary>
public sealed class ScenarioDocument
{
    /// <summary>Scenario name: lower-case letters, digits and hyphens (used in output metadata).</summary>
    public required string Scenario { get; init; }

    /// <summary>One or two sentences saying what the scenario asks.</summary>
    public string? Description { get; init; }

    /// <summary>Membership, Council composition and blocs are taken as of this date (1945-10-24 to 2100-12-31).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>
    /// Year of the calibration whose member positions, issue offsets and absence rates the votes use (1946 to the
    /// latest year of the table, which is the default), or the positions file of a table made with
    /// <c>stemsim calibrate --out FILE</c> (relative to the scenario file) to use instead of the embedded one, at its
    /// latest year. Later votes widen each position's uncertainty by the calibration's yearly drift.
    /// </summary>
    [SchemaTypes("integer", "string")]
    public string? Calibration { get; init; }

    /// <summary>Number of trials (1 to 100,000,000); the command line may override it.</summary>
    public long? Trials { get; init; }

    /// <summary>Seed of the random numbers (0 to 2^64 - 1); the command line may override it.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Correlated shocks per trial and vote.</summary>
    public ShocksDocument? Shocks { get; init; }

    /// <summary>Members without a vote under Charter Art. 19 (arrears of two full years); they never count as present and voting.</summary>
    public string[]? Article19 { get; init; }

    /// <summary>How particular members lean, for every vote (keys: ISO3 codes).</summary>
    public Dictionary<string, MemberDocument>? Members { get; init; }

    /// <summary>
    /// How the members of groups lean, for every vote (keys: regional groups such as <c>AFRICAN_GROUP</c> or blocs such as
    /// <c>EU</c>, any case; <c>stemsim members --bloc NAME</c> lists a group's members), each entry with an optional <c>except</c> list;
    /// the groups' voting members on the vote's date, entries applied in the order written and a member's own entry
    /// under <c>members</c> on top, field by field.
    /// </summary>
    public Dictionary<string, MemberDocument>? Blocs { get; init; }

    /// <summary>
    /// Recorded votes that are not in the calibration (members' votes from a file, or a vote's totals): read before
    /// simulating to update the members' positions or a vote's shared shifts; a vote may name them in <c>like</c>.
    /// </summary>
    public EvidenceDocument[]? Evidence { get; init; }

    /// <summary>The votes, in order (a scenario has votes, elections or both).</summary>
    public VoteDocument[] Votes { get; init; } = [];

    /// <summary>The elections, in order.</summary>
    public ElectionDocument[]? Elections { get; init; }

    /// <summary>A multi-year scenario: how positions drift from year to year.</summary>
    public TimelineDocument? Timeline { get; init; }

    /// <summary>Named what-ifs compared with the baseline (the scenario as written).</summary>
    public VariantDocument[]? Variants { get; init; }
}
