using System.Security.Cryptography;
using StemSimulator.Engine.Power;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Councils;

/// <summary>
/// Reads a custom council file (<see cref="CouncilDocument"/>) and checks it, reporting every problem at once with
/// file, line and column, like a scenario.
/// </summary>
public static partial class CouncilLoader
{
    /// <summary>Largest council file accepted, in bytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Largest weight of one seat.</summary>
    public const int MaxWeight = 1_000_000;

    /// <summary>Loads the council file at <paramref name="path"/>; never throws for problems in the file.</summary>
    public static CouncilLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Files.FileKinds.Of(path) == Files.FileKind.Missing)
        {
            return Failed(path, string.Empty, "the council file does not exist");
        }

        var (bytes, problem) = Files.InputFiles.Read(path, MaxFileBytes, "a council file");
        return bytes is null ? Failed(path, string.Empty, problem!) : Load(path, bytes);
    }

    /// <summary>Loads a council from its bytes; <paramref name="file"/> names it in messages.</summary>
    public static CouncilLoadResult Load(string file, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.Length > MaxFileBytes)
        {
            return Failed(file, hash, $"the file is {bytes.Length:N0} bytes; a council file may be at most {MaxFileBytes:N0} bytes");
        }

        var (text, notText) = Files.TextDecoding.DecodeUtf8(bytes);
        if (text is null)
        {
            return Failed(file, hash, notText!);
        }

        var (root, problem) = YamlDocumentReader.Read(file, text, "council file", "council");
        if (root is null)
        {
            return new CouncilLoadResult(file, hash, null, [problem!]);
        }

        var diagnostics = new List<ScenarioDiagnostic>();
        var map = new SourceMap(file);
        var document = new YamlBinder(file, diagnostics, map).Bind(root, typeof(CouncilDocument)) as CouncilDocument;
        CouncilDefinition? council = null;
        if (document is not null && diagnostics.Count == 0)
        {
            council = new CouncilChecker(map, diagnostics).Check(document);
        }

        var sorted = diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new CouncilLoadResult(file, hash, sorted.Count == 0 ? council : null, sorted);
    }

    private static CouncilLoadResult Failed(string file, string hash, string message) =>
        new(file, hash, null, [new ScenarioDiagnostic(new SourceLocation(file, 1, 1), message)]);
}
