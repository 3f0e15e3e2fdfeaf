using System.Globalization;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Compilation;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// What the scenario file says beyond the tables: its description, the vote titles, the analog vote (or explicit
/// parameters) each vote rests on, and what each variant changes. The run folder records the file's path and hash;
/// the file is used only when its hash still matches, so the report never describes a scenario the run did not use.
/// </summary>
internal sealed record ScenarioContext
{
    public string? File { get; init; }

    public string? Description { get; init; }

    /// <summary>Why the scenario could not be used (not found, changed since the run), or null.</summary>
    public string? Problem { get; init; }

    /// <summary>Per vote id: its title, if any.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();

    /// <summary>Per vote id: where its discrimination and cut-points come from, in words.</summary>
    public IReadOnlyDictionary<string, string> Analogs { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Per vote id: the standard deviation of the shift of every member's support the run draws per trial for the
    /// distance between the text and its analog (the spread set by hand, else the measured spread of the analog's
    /// kind); 0 for explicit parameters, which the run does not vary.
    /// </summary>
    public IReadOnlyDictionary<string, double> AnalogSpreads { get; init; } = new Dictionary<string, double>();

    /// <summary>Per vote id with an analog: where its spread comes from, in words ("spread 0.4, set by hand").</summary>
    public IReadOnlyDictionary<string, string> AnalogSpreadSources { get; init; } = new Dictionary<string, string>();

    /// <summary>The ids of the votes drawn per trial from their analog's population (<see cref="AnalogPopulation"/>).</summary>
    public IReadOnlySet<string> PopulationDrawn { get; init; } = new HashSet<string>();

    /// <summary>Per vote id that waits for another: its conditions in words ("sc-draft is vetoed").</summary>
    public IReadOnlyDictionary<string, string> Triggers { get; init; } = new Dictionary<string, string>();

    /// <summary>Per variant name: its description and what it changes.</summary>
    public IReadOnlyDictionary<string, VariantChanges> Variants { get; init; } = new Dictionary<string, VariantChanges>();

    /// <summary>
    /// Each place the scenario names members by group (<c>blocs</c>, co-sponsors, outreach), expanded to the voting
    /// members it covers on the vote's date (<see cref="GroupExpansion"/>).
    /// </summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    public static ScenarioContext Unavailable(string problem) => new() { Problem = problem };

    /// <summary>
    /// Finds the scenario of a run: <paramref name="explicitPath"/> if given, else the copy the run folder keeps
    /// (<c>scenario.yaml</c>), else the path recorded in the metadata (relative to the working folder, or to the folder
    /// two levels above the run folder, where 'runs/NAME' sits).
    /// </summary>
    public static ScenarioContext Load(string runFolder, IReadOnlyDictionary<string, string> metadata, string? explicitPath)
    {
        metadata.TryGetValue("stemsim.scenario_file", out var recorded);
        metadata.TryGetValue("stemsim.scenario_sha256", out var hash);
        var candidates = new List<string>();
        if (explicitPath is not null)
        {
            candidates.Add(explicitPath);
        }
        else
        {
            candidates.Add(Infrastructure.ScenarioCopy.PathIn(runFolder));
        }

        if (explicitPath is null && !string.IsNullOrEmpty(recorded))
        {
            candidates.Add(recorded);
            if (!Path.IsPathRooted(recorded))
            {
                string above = Path.GetFullPath(Path.Combine(runFolder, "..", ".."));
                candidates.Add(Path.Combine(above, recorded));
            }
        }

        string? found = candidates.FirstOrDefault(System.IO.File.Exists);
        if (found is null)
        {
            return Unavailable(explicitPath is not null
                ? $"the scenario file {explicitPath} does not exist"
                : string.IsNullOrEmpty(recorded)
                    ? "the run does not record its scenario file"
                    : $"the scenario file {recorded} was not found (give it with --scenario)");
        }

        var loaded = ScenarioLoader.LoadFile(found);
        if (!string.IsNullOrEmpty(hash) && !string.Equals(loaded.Sha256, hash, StringComparison.OrdinalIgnoreCase))
        {
            return Unavailable($"{found} has changed since the run (its SHA-256 differs), so its analogs are not described");
        }

        if (loaded.Document is not { } document)
        {
            return Unavailable($"{found} could not be read");
        }

        return FromDocument(found, document, CatalogOf(metadata));
    }

    /// <summary>
    /// The reference data the run compiled with, for naming an analog's population: the calibration table the run
    /// records (<c>stemsim.positions_file</c>, from <c>--calibration</c> or the scenario's <c>calibration:</c>) when it
    /// is still there with the recorded SHA-256, the embedded calibration when the run records none, else null (the
    /// table is gone or changed, so its populations are described by the rule, not listed).
    /// </summary>
    internal static ReferenceCatalog? CatalogOf(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("stemsim.positions_file", out var table) || string.IsNullOrEmpty(table))
        {
            return ReferenceCatalog.Embedded;
        }

        try
        {
            metadata.TryGetValue("stemsim.positions_sha256", out var hash);
            bool same = System.IO.File.Exists(table) && string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(table))), hash, StringComparison.OrdinalIgnoreCase);
            return same ? ReferenceCatalog.WithCalibration(table) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The context of <paramref name="document"/>; analog populations are named from <paramref name="catalog"/>'s roll
    /// calls (the run's reference data), or described by their rule when it is null.
    /// </summary>
    public static ScenarioContext FromDocument(string file, ScenarioDocument document, ReferenceCatalog? catalog) => new()
    {
        File = file,
        Description = document.Description?.Trim(),
        Titles = document.Votes.Where(v => !string.IsNullOrWhiteSpace(v.Title)).ToDictionary(v => v.Id, v => v.Title!.Trim(), StringComparer.Ordinal),
        Analogs = document.Votes.ToDictionary(v => v.Id, v => Analog(v.Like, v.Discrimination, v.Cutpoints), StringComparer.Ordinal),
        AnalogSpreads = document.Votes.ToDictionary(v => v.Id, v => v.Like is { } like ? SpreadChoice(like, v.Body == BodyName.GA, catalog).Spread : 0.0, StringComparer.Ordinal),
        AnalogSpreadSources = document.Votes.Where(v => v.Like is not null).ToDictionary(v => v.Id, v => SpreadChoice(v.Like!, v.Body == BodyName.GA, catalog).Describe(), StringComparer.Ordinal),
        PopulationDrawn = document.Votes.Where(v => v.Like is { } like && SpreadChoice(like, v.Body == BodyName.GA, catalog).PopulationSessions > 0).Select(v => v.Id).ToHashSet(StringComparer.Ordinal),
        Triggers = document.Votes.Where(v => v.After is { Length: > 0 }).ToDictionary(
            v => v.Id,
            v => string.Join(" or ", v.After!.Select(a => $"{a.Vote} {(a.If switch { ConditionName.Vetoed => "is vetoed", ConditionName.Adopted => "is adopted", ConditionName.Failed => "fails", ConditionName.Held => "is held", _ => throw new InvalidOperationException($"Unknown condition {a.If}.") })}")),
            StringComparer.Ordinal),
        Variants = (document.Variants ?? []).ToDictionary(v => v.Name, VariantChangeList.Of, StringComparer.Ordinal),
        Groups = GroupExpansion.Of(document, MemberGroups.Embedded).Select(g => g.ToString()).ToArray(),
    };

    /// <summary>
    /// Where a vote's analog spread comes from, in words; a population draw names its texts as the compile finds them in
    /// <paramref name="catalog"/>'s roll calls, the run's reference data (a scenario's evidence is not among them, nor is
    /// anything when the catalog is null: the population is then described by the rule).
    /// </summary>
    private static AnalogSpreadChoice SpreadChoice(AnalogDocument like, bool assembly, ReferenceCatalog? catalog)
    {
        var choice = AnalogSpreadChoice.Of(like, assembly);
        return choice.PopulationSessions > 0 && catalog is not null && catalog.RollCalls.Find(like.Vote, out _) is { } analog
            ? choice.WithPopulation(catalog.RollCalls.All, analog, RollCallConcerns.Embedded)
            : choice;
    }

    /// <summary>Where a vote's discrimination and cut-points come from, in words: its analog, or the explicit parameters.</summary>
    internal static string Analog(AnalogDocument? like, double? discrimination, double[]? cutpoints)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (like is not null)
        {
            var parts = new List<string> { $"like {like.Vote}" };
            if (like.Shift is { } shift && shift != 0)
            {
                parts.Add(string.Create(invariant, $"shifted {shift:+0.##;-0.##}"));
            }

            if (like.Issue is { } issue)
            {
                parts.Add($"issue area {Yaml(issue.ToString())}");
            }

            return string.Join(", ", parts);
        }

        var explicitParts = new List<string>();
        if (discrimination is { } beta)
        {
            explicitParts.Add(string.Create(invariant, $"discrimination {beta:0.###}"));
        }

        if (cutpoints is { Length: 2 })
        {
            explicitParts.Add(string.Create(invariant, $"cut-points [{cutpoints[0]:0.###}, {cutpoints[1]:0.###}]"));
        }

        return explicitParts.Count == 0 ? "no analog" : "explicit " + string.Join(", ", explicitParts);
    }

    /// <summary>" except A, B" for the members a group setting leaves out, or empty.</summary>
    internal static string Except(string[]? except) => except is { Length: > 0 } ? " except " + string.Join(", ", except) : string.Empty;

    /// <summary>The items separated by commas, the first five and a count of the rest when there are more than six.</summary>
    internal static string Listed(IEnumerable<string> items)
    {
        var all = items.ToArray();
        return all.Length <= 6 ? string.Join(", ", all) : string.Join(", ", all.Take(5)) + string.Create(CultureInfo.InvariantCulture, $" and {all.Length - 5} more");
    }

    /// <summary>An enum name as the scenario language writes it (TwoThirds: two_thirds).</summary>
    internal static string Yaml(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
