using StemSimulator.Scenarios.Files;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// The copy of the scenario file a run keeps in its folder (<c>scenario.yaml</c>, the file's bytes unchanged, so its
/// SHA-256 is the one the provenance records): a run folder copied or moved elsewhere still says what was run, and
/// <c>stemsim report</c> describes its analogs and what-ifs without the original file.
/// </summary>
internal static class ScenarioCopy
{
    /// <summary>The copy's file name in a run folder.</summary>
    public const string FileName = "scenario.yaml";

    /// <summary>Writes the scenario's bytes into the folder being written.</summary>
    public static Task WriteAsync(RunFolder folder, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(folder.PathOf(FileName), bytes, cancellationToken);

    /// <summary>The scenario's text as the loader read it (UTF-8, byte order mark dropped), or null when it is not text.</summary>
    public static string? TextOf(ReadOnlyMemory<byte> bytes) => TextDecoding.DecodeUtf8(bytes.ToArray()).Text;

    /// <summary>Where a run folder keeps the copy.</summary>
    public static string PathIn(string runFolder) => Path.Combine(runFolder, FileName);
}
