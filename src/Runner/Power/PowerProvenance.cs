using StemSimulator.Engine.Power;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Power;

/// <summary>Where the numbers in <c>power.parquet</c> came from; written into the file's key-value metadata.</summary>
/// <param name="Councils">The councils, in table order.</param>
/// <param name="Files">The council files read, with their hex SHA-256, keyed by council name.</param>
/// <param name="CreatedUtc">When the table was computed (UTC).</param>
internal sealed record PowerProvenance(IReadOnlyList<CouncilDefinition> Councils, IReadOnlyDictionary<string, (string File, string Sha256)> Files, DateTimeOffset CreatedUtc)
{
    /// <summary>
    /// In the shape every table carries: command <c>power</c>, inputs <c>councils</c>, <c>council_rules</c>,
    /// <c>council_sources</c> (council files with their SHA-256, or "built-in") and <c>method</c>.
    /// </summary>
    public TableProvenance ToTable() => new(
        "power",
        [
            new("councils", string.Join(',', Councils.Select(c => c.Name))),
            new("council_rules", string.Join("; ", Councils.Select(c => $"{c.Name}: {c.RuleText()}"))),
            new("council_sources", string.Join("; ", Councils.Select(c => Files.TryGetValue(c.Name, out var f) ? $"{c.Name}: {f.File} (sha256 {f.Sha256})" : $"{c.Name}: built-in"))),
            new("method", "exact: coalitions counted by seat class with generating functions; Shapley-Shubik, raw Banzhaf (swings / 2^(n-1)), normalized Banzhaf (share of swings)"),
        ],
        CreatedUtc);
}
