using System.Globalization;
using StemSimulator.Engine.Power;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Power;

/// <summary>Where the numbers in <c>power.parquet</c> came from; written into the file's key-value metadata.</summary>
/// <param name="Councils">The councils, in table order.</param>
/// <param name="Files">The council files read, with their hex SHA-256, keyed by council name.</param>
/// <param name="CreatedUtc">When the table was computed (UTC).</param>
internal sealed record PowerProvenance(IReadOnlyList<CouncilDefinition> Councils, IReadOnlyDictionary<string, (string File, string Sha256)> Files, DateTimeOffset CreatedUtc)
{
    /// <summary>The key-value pairs (keys prefixed "stemsim.", like the run tables).</summary>
    public Dictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>
        {
            ["stemsim.command"] = "power",
            ["stemsim.councils"] = string.Join(',', Councils.Select(c => c.Name)),
            ["stemsim.council_rules"] = string.Join("; ", Councils.Select(c => $"{c.Name}: {c.RuleText()}")),
            ["stemsim.council_sources"] = string.Join("; ", Councils.Select(c => Files.TryGetValue(c.Name, out var f) ? $"{c.Name}: {f.File} (sha256 {f.Sha256})" : $"{c.Name}: built-in")),
            ["stemsim.method"] = "exact: coalitions counted by seat class with generating functions; Shapley-Shubik, raw Banzhaf (swings / 2^(n-1)), normalized Banzhaf (share of swings)",
            ["stemsim.engine_version"] = Provenance.EngineVersion,
            ["stemsim.git_commit"] = Provenance.GitCommit,
            ["stemsim.created_utc"] = CreatedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        return metadata;
    }
}
