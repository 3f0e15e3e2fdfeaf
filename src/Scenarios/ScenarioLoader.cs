using System.Security.Cryptography;
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
        if (string.IsNullOrWhiteSpace(path))
        {
            return Failed(path ?? string.Empty, null, "the scenario file name is empty; pass a scenario file such as scenarios/ga-hrc-suspension-2026.yaml");
        }

        switch (Files.FileKinds.Of(path))
        {
            case Files.FileKind.Missing:
                return Failed(path, null, $"the scenario file does not exist{NearbyScenarios(path)}");
            case Files.FileKind.Folder:
                return Failed(path, null, $"'{path}' is a folder; pass a scenario file (e.g. {Path.Combine(path, "NAME.yaml")})");
        }

        var (bytes, problem) = Files.InputFiles.Read(path, MaxFileBytes, "a scenario");
        if (bytes is null)
        {
            return Failed(path, null, problem!);
        }

        return Load(path, bytes, overrides);
    }

    /// <summary>Loads a scenario from its bytes; <paramref name="file"/> names it in messages.</summary>
    public static ScenarioLoadResult Load(string file, byte[] bytes, RunOverrides? overrides = null)
    {
        if (bytes.Length > MaxFileBytes)
        {
            return Failed(file, bytes, $"the file is {bytes.Length:N0} bytes; a scenario may be at most {MaxFileBytes:N0} bytes");
        }

        var (text, notText) = Files.TextDecoding.DecodeUtf8(bytes);
        if (text is null)
        {
            return Failed(file, bytes, notText!);
        }

        var (root, problem) = YamlDocumentReader.Read(file, text, "scenario file", "scenario");
        if (root is null)
        {
            return new ScenarioLoadResult(file, null, null, [problem!]) { ReadBytes = bytes };
        }

        var diagnostics = new List<ScenarioDiagnostic>();
        var map = new SourceMap(file);
        var binder = new YamlBinder(file, diagnostics, map);
        var document = binder.Bind(root, typeof(ScenarioDocument)) as ScenarioDocument;
        if (document is null)
        {
            return new ScenarioLoadResult(file, document, null, Sorted(diagnostics)) { ReadBytes = bytes };
        }

        if (diagnostics.Count > 0)
        {
            // Every stage in one pass: the references and semantics of what did bind are checked too, so that one run
            // of 'validate' lists every error.
            return new ScenarioLoadResult(file, document, null, Sorted(WithLaterStages(file, document, map, diagnostics, overrides))) { ReadBytes = bytes };
        }

        overrides ??= new RunOverrides();
        if (!TryCalibration(file, document, map, diagnostics, overrides, out var catalog, out var source))
        {
            return new ScenarioLoadResult(file, document, null, Sorted(diagnostics)) { ReadBytes = bytes };
        }

        var evidenceFiles = ReadEvidence(file, document, map, diagnostics, catalog, overrides.ReadsNoFiles);
        return Compile(file, bytes, document, diagnostics, overrides, new ScenarioInputs(map, catalog, source, evidenceFiles));
    }

    /// <summary>
    /// The scenario of <paramref name="loaded"/> compiled again with other <paramref name="overrides"/> (the assumption
    /// band's analog setting), from what its load read, parsed and bound: the same document, reference data,
    /// calibration table and evidence files, none of them read again, so both models come from the same inputs.
    /// </summary>
    /// <param name="loaded">A scenario that compiled (<see cref="ScenarioLoadResult.Succeeded"/>).</param>
    /// <param name="overrides">
    /// The overrides to compile with this time. The calibration table and whether files may be read are the load's (its
    /// catalog and evidence are reused); what the compiler itself does with the overrides (trials, seed, the analog
    /// setting) follows these.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="loaded"/> did not compile.</exception>
    public static ScenarioLoadResult Recompile(ScenarioLoadResult loaded, RunOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(overrides);
        if (!loaded.Succeeded || loaded.Inputs is not { } inputs)
        {
            throw new ArgumentException("Only a scenario that compiled can be compiled again.", nameof(loaded));
        }

        return Compile(loaded.File, loaded.ReadBytes!, loaded.Document!, [], overrides, inputs);
    }

    /// <summary>Compiles a document that bound without errors, with its evidence files, on its inputs' catalog.</summary>
    private static ScenarioLoadResult Compile(string file, byte[] bytes, ScenarioDocument document, List<ScenarioDiagnostic> diagnostics, RunOverrides overrides, ScenarioInputs inputs)
    {
        var (map, catalog, source, evidenceFiles) = inputs;
        var warnings = new List<ScenarioDiagnostic>();
        var compiler = new ScenarioCompiler(catalog, map, diagnostics, source is null ? "the embedded calibration" : $"the calibration table {source.Path}", warnings)
        {
            EvidenceFiles = evidenceFiles,
        };
        var model = compiler.Compile(document, overrides);
        return new ScenarioLoadResult(file, document, diagnostics.Count == 0 ? model : null, Sorted(diagnostics))
        {
            ReadBytes = bytes,
            Inputs = inputs,
            PositionsYear = compiler.CalibrationYear,
            EvidenceYear = compiler.EvidenceYear,
            PositionStepSd = catalog.Calibration.PositionStepSd,
            Warnings = Sorted(warnings),
            Evidence = (document.Evidence ?? []).Where(evidenceFiles.ContainsKey)
                .Select(e => new Evidence.EvidenceSource(evidenceFiles[e].Path, evidenceFiles[e].Sha256, [.. (e.RollCalls ?? []).Keys]))
                .ToArray(),
        };
    }

    /// <summary>
    /// The reference data to compile with: the embedded, or with the calibration table the scenario or
    /// <c>--calibration</c> names (and where it came from); false after adding the error to <paramref name="diagnostics"/>.
    /// </summary>
    private static bool TryCalibration(string file, ScenarioDocument document, SourceMap map, List<ScenarioDiagnostic> diagnostics, RunOverrides overrides, out ReferenceCatalog catalog, out CalibrationSource? source)
    {
        catalog = ReferenceCatalog.Embedded;
        source = null;
        if (overrides.ReadsNoFiles && CalibrationChoice.FileOf(document.Calibration) is { } named)
        {
            diagnostics.Add(new ScenarioDiagnostic(map.Locate(document, "calibration"), $"calibration: '{named}' is a file, and files are not read here; give a year or leave calibration out (a calibration table runs with stemsim run --calibration)"));
            return false;
        }

        if ((overrides.CalibrationFile ?? ScenarioFileRelative(file, CalibrationChoice.FileOf(document.Calibration))) is { } table)
        {
            string origin = overrides.CalibrationFile is null ? "scenario" : "--calibration";
            var at = origin == "scenario" ? map.Locate(document, "calibration") : new SourceLocation(file, 1, 1);
            try
            {
                catalog = ReferenceCatalog.WithCalibration(table);
                string positions = CalibrationFiles.PathsFor(table).Positions;
                source = new CalibrationSource(positions, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(positions))), origin, catalog.Calibration.FirstYear, catalog.Calibration.LatestYear);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                string prefix = origin == "scenario" ? "calibration" : "--calibration";
                diagnostics.Add(new ScenarioDiagnostic(at, $"{prefix}: {e.Message}"));
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The shape errors of a document that bound only in part, followed by the compiler's errors about the rest (on
    /// the embedded reference data). What lost a value in binding is not checked again (<see cref="SourceMap.IsIncomplete"/>:
    /// the same problem would be reported twice), and if the partial document trips the compiler up, the shape errors
    /// alone are returned: they come first and are enough.
    /// </summary>
    private static List<ScenarioDiagnostic> WithLaterStages(string file, ScenarioDocument document, SourceMap map, List<ScenarioDiagnostic> shape, RunOverrides? overrides)
    {
        if (CalibrationChoice.FileOf(document.Calibration) is not null || overrides?.CalibrationFile is not null)
        {
            // Checked against another calibration's roll calls, the references would be judged wrongly.
            return shape;
        }

        var later = new List<ScenarioDiagnostic>();
        try
        {
            var catalog = ReferenceCatalog.Embedded;
            new ScenarioCompiler(catalog, map, later, "the embedded calibration", [])
            {
                EvidenceFiles = ReadEvidence(file, document, map, later, catalog, overrides?.ReadsNoFiles ?? false),
            }.Compile(document, overrides ?? new RunOverrides());
        }
        catch (Exception e) when (e is NullReferenceException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException or FormatException)
        {
            return shape;
        }

        return [.. shape, .. later];
    }

    /// <summary>
    /// Reads each evidence entry's file (relative to the scenario file); a file that cannot be read is an error at the
    /// entry's <c>file</c>, and its entry is left out.
    /// </summary>
    private static Dictionary<EvidenceDocument, Evidence.EvidenceFile> ReadEvidence(string scenarioFile, ScenarioDocument document, SourceMap map, List<ScenarioDiagnostic> diagnostics, ReferenceCatalog catalog, bool readsNoFiles)
    {
        var files = new Dictionary<EvidenceDocument, Evidence.EvidenceFile>(ReferenceEqualityComparer.Instance);
        var codes = new HashSet<string>(catalog.States.Where(s => !s.IsObserver).Select(s => s.Code), StringComparer.Ordinal);
        foreach (var entry in document.Evidence ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.File))
            {
                continue;
            }

            if (readsNoFiles)
            {
                diagnostics.Add(new ScenarioDiagnostic(map.Locate(entry, "file"), $"evidence file: '{entry.File}' is a file, and files are not read here; give the vote's totals instead, or run the scenario with stemsim run"));
                continue;
            }

            try
            {
                var wanted = (entry.RollCalls?.Keys ?? Enumerable.Empty<string>()).Select(symbol => symbol.Trim()).ToHashSet(StringComparer.Ordinal);
                files[entry] = Evidence.EvidenceFileReader.Read(ScenarioFileRelative(scenarioFile, entry.File)!, codes, wanted);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                diagnostics.Add(new ScenarioDiagnostic(map.Locate(entry, "file"), $"evidence file: {e.Message}"));
            }
        }

        return files;
    }

    /// <summary>A table path written in the scenario, taken relative to the scenario file's folder.</summary>
    private static string? ScenarioFileRelative(string scenarioFile, string? table) =>
        table is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioFile)) ?? ".", table);

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

    private static ScenarioLoadResult Failed(string file, byte[]? read, string message) =>
        new(file, null, null, [new ScenarioDiagnostic(new SourceLocation(file, 1, 1), message)]) { ReadBytes = read };

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
