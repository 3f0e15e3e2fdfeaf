using System.Globalization;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// Where a table's numbers came from, in the one shape every Parquet file stemsim writes carries in its key-value
/// metadata: <c>stemsim.command</c> (the command that wrote it), the command's own inputs (<c>stemsim.</c> +
/// <see cref="Inputs"/> key, in order), then <c>stemsim.engine_version</c>, <c>stemsim.git_commit</c> and
/// <c>stemsim.created_utc</c> (left out only where a file must be reproducible byte for byte, as a shard's).
/// </summary>
/// <param name="Command">The command: <c>run</c>, <c>merge</c>, <c>power</c>, <c>backtest</c>, <c>drift-backtest</c> or <c>veto-record</c>.</param>
/// <param name="Inputs">The command's inputs and settings, keys without the <c>stemsim.</c> prefix, unique, none of the common keys.</param>
/// <param name="CreatedUtc">When the numbers were computed (UTC), or null to leave the time out.</param>
internal sealed record TableProvenance(string Command, IReadOnlyList<KeyValuePair<string, string>> Inputs, DateTimeOffset? CreatedUtc)
{
    /// <summary>The keys every file has (after <c>stemsim.</c>), whatever the command.</summary>
    public static IReadOnlyList<string> CommonKeys { get; } = ["command", "engine_version", "git_commit", "created_utc"];

    /// <summary>A copy with <paramref name="key"/> added to (or replaced in) the inputs, e.g. the elections' round caps.</summary>
    public TableProvenance With(string key, string value) =>
        this with { Inputs = [.. Inputs.Where(i => i.Key != key), new(key, value)] };

    /// <summary>The key-value pairs stored in the file, keys prefixed <c>stemsim.</c>.</summary>
    public Dictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["stemsim.command"] = Command };
        foreach (var (key, value) in Inputs)
        {
            if (CommonKeys.Contains(key) || !metadata.TryAdd("stemsim." + key, value))
            {
                throw new InvalidOperationException($"provenance key {key} given twice");
            }
        }

        metadata["stemsim.engine_version"] = Provenance.EngineVersion;
        metadata["stemsim.git_commit"] = Provenance.GitCommit;
        if (CreatedUtc is { } created)
        {
            metadata["stemsim.created_utc"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        return metadata;
    }
}
