namespace StemSimulator.Scenarios.Evidence;

/// <summary>A file of recorded votes a scenario read as evidence (provenance).</summary>
/// <param name="Path">The file, full path.</param>
/// <param name="Sha256">Hex SHA-256 of its bytes.</param>
/// <param name="RollCalls">The roll calls taken from it as evidence, by symbol.</param>
public sealed record EvidenceSource(string Path, string Sha256, IReadOnlyList<string> RollCalls)
{
    /// <summary>The provenance value (<c>stemsim.evidence</c>): one "PATH (sha256 HASH; SYMBOLS)" per file, joined by "; ".</summary>
    public static string Metadata(IEnumerable<EvidenceSource> sources) =>
        string.Join("; ", sources.Select(s => $"{s.Path} (sha256 {s.Sha256}; {string.Join(", ", s.RollCalls)})"));
}
