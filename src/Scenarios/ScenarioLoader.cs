using System.Security.Cryptography;
using System.Text;
using StemSimulator.Scenarios.Compilation;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios;

/// <summary>Reads a scenario file, checks it and compiles it into an engine model, collecting every problem.</summary>
public static class ScenarioLoader
{
    /// <summary>Largest scenario file accepted, in bytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Loads the scenario at <paramref name="path"/>; never throws for problems in the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="overrides">Command-line overrides of trials and seed, checked like the file's own values.</param>
    public static ScenarioLoadResult LoadFile(string path, RunOverrides? overrides = null)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Failed(path, string.Empty, $"the scenario file does not exist{NearbyScenarios(path)}");
            }

            if (info.Length > MaxFileBytes)
            {
                return Failed(path, string.Empty, $"the file is {info.Length:N0} bytes; a scenario may be at most {MaxFileBytes:N0} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, string.Empty, $"cannot read the file: {e.Message}");
        }

        return Load(path, bytes, overrides);
    }

    /// <summary>Loads a scenario from its bytes; <paramref name="file"/> names it in messages.</summary>
    public static ScenarioLoadResult Load(string file, byte[] bytes, RunOverrides? overrides = null)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.Length > MaxFileBytes)
        {
            return Failed(file, hash, $"the file is {bytes.Length:N0} bytes; a scenario may be at most {MaxFileBytes:N0} bytes");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Failed(file, hash, "the file is not valid UTF-8 text");
        }

        var (root, problem) = YamlDocumentReader.Read(file, text, "scenario file", "scenario");
        if (root is null)
        {
            return new ScenarioLoadResult(file, hash, null, null, [problem!]);
        }

        var diagnostics = new List<ScenarioDiagnostic>();
        var map = new SourceMap(file);
        var binder = new YamlBinder(file, diagnostics, map);
        var document = binder.Bind(root, typeof(ScenarioDocument)) as ScenarioDocument;
        if (document is null || diagnostics.Count > 0)
        {
            return new ScenarioLoadResult(file, hash, document, null, Sorted(diagnostics));
        }

        var warnings = new List<ScenarioDiagnostic>();
        var compiler = new ScenarioCompiler(ReferenceCatalog.Embedded, map, diagnostics, warnings);
        var model = compiler.Compile(document, overrides ?? new RunOverrides());
        return new ScenarioLoadResult(file, hash, document, diagnostics.Count == 0 ? model : null, Sorted(diagnostics)) { Warnings = Sorted(warnings) };
    }

    /// <summary>Most diagnostics returned; a file with thousands of errors is not worth reading line by line.</summary>
    public const int MaxDiagnostics = 100;

    /// <summary>Longest message kept whole: messages quote what was written, which may be a pasted page.</summary>
    public const int MaxMessageLength = 1_000;

    private static List<ScenarioDiagnostic> Sorted(List<ScenarioDiagnostic> diagnostics)
    {
        var sorted = diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
            .Select(d => d.Message.Length <= MaxMessageLength ? d : d with { Message = string.Concat(d.Message.AsSpan(0, MaxMessageLength), "...") })
            .ToList();
        if (sorted.Count <= MaxDiagnostics)
        {
            return sorted;
        }

        // The first errors usually explain the rest (one wrong indentation shifts a whole section).
        var last = sorted[MaxDiagnostics - 1].Location;
        var kept = sorted.Take(MaxDiagnostics).ToList();
        kept.Add(new ScenarioDiagnostic(last, $"{sorted.Count - MaxDiagnostics:N0} more error(s) not shown; fix these first"));
        return kept;
    }

    private static ScenarioLoadResult Failed(string file, string hash, string message) =>
        new(file, hash, null, null, [new ScenarioDiagnostic(new SourceLocation(file, 1, 1), message)]);

    private static string NearbyScenarios(string path)
    {
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is null || !Directory.Exists(folder))
            {
                return string.Empty;
            }

            var names = Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileName).OfType<string>().ToArray();
            return Suggestions.DidYouMean(Path.GetFileName(path), names);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return string.Empty;
        }
    }
}
