using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Checks a bound scenario against the reference data and the Charter's rules and compiles it into a
/// <see cref="SimulationModel"/>. Every problem is reported with its place in the file; nothing throws. The work
/// is split by concern: <see cref="VoteCompiler"/> (votes), <see cref="ChainCompiler"/> (conditions on earlier
/// votes), <see cref="CoalitionCompiler"/> (co-sponsors, outreach), <see cref="MemberCompiler"/> (member layers,
/// leans), <see cref="ShockCompiler"/> (shared shocks), <see cref="DriftCompiler"/> (timeline) and
/// <see cref="ElectionCompiler"/> (elections), all sharing one <see cref="CompilationContext"/>.
/// </summary>
internal sealed class ScenarioCompiler
{
    /// <summary>Most trials a run may ask for.</summary>
    public const long MaxTrials = ScenarioLimits.MaxTrials;

    /// <summary>Trials when neither the scenario nor the command line says.</summary>
    public const long DefaultTrials = 100_000;

    /// <summary>Seed when neither the scenario nor the command line says.</summary>
    public const ulong DefaultSeed = 1;

    private readonly CompilationContext _context;
    private readonly MemberCompiler _members;
    private readonly CoalitionCompiler _coalitions;
    private readonly ShockCompiler _shocks;
    private readonly DriftCompiler _drift;

    private readonly string _calibrationName;

    /// <param name="catalog">The reference data, with the embedded calibration or a user's table.</param>
    /// <param name="map">Where each value was written.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="calibrationName">How messages name the calibration ("the embedded calibration", "the calibration table FILE").</param>
    /// <param name="warnings">Where problems that do not stop the run go (none kept when null).</param>
    public ScenarioCompiler(ReferenceCatalog catalog, SourceMap map, List<ScenarioDiagnostic> diagnostics, string calibrationName = "the embedded calibration", List<ScenarioDiagnostic>? warnings = null)
    {
        _calibrationName = calibrationName;
        _context = new CompilationContext(catalog, map, diagnostics, warnings ?? []);
        _members = new MemberCompiler(_context);
        _coalitions = new CoalitionCompiler(_context);
        _shocks = new ShockCompiler(_context);
        _drift = new DriftCompiler(_context);
    }

    /// <summary>The scenario's evidence files as read, by entry (an entry whose file could not be read is absent).</summary>
    public IReadOnlyDictionary<EvidenceDocument, Evidence.EvidenceFile> EvidenceFiles { get; init; } = new Dictionary<EvidenceDocument, Evidence.EvidenceFile>();

    /// <summary>The latest year of the members'-vote evidence (valid after compiling), or null.</summary>
    public int? EvidenceYear { get; private set; }

    /// <summary>The calibration year whose positions the votes use (valid after compiling).</summary>
    public int CalibrationYear => _context.CalibrationYear;

    public SimulationModel? Compile(ScenarioDocument document, RunOverrides overrides)
    {
        var votes = new VoteCompiler(_context, _members, _coalitions, new ChainCompiler(_context, document.Votes));
        int errorsBefore = _context.ErrorCount;
        _context.AnalogSetting = overrides.AnalogSetting;
        var (trials, seed) = CheckRun(document, overrides);
        var shocks = _shocks.CompileShocks(document.Shocks);
        var evidence = new EvidenceCompiler(_context, _members, _shocks);
        evidence.Apply(document, shocks, EvidenceFiles);
        EvidenceYear = evidence.PositionsYear;
        var article19 = _context.CheckCodes(document.Article19, document.AsOf) ?? [];
        _members.CheckMemberLayer(document.Members, document.AsOf, document.Blocs);
        CheckSize(document, overrides, trials);

        var voteIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vote in document.Votes)
        {
            votes.CheckVote(vote, document.AsOf);
            if (!voteIds.Add(vote.Id))
            {
                _context.Error(vote, "id", $"duplicate vote id '{vote.Id}'; each vote needs its own id");
            }
        }

        var variants = document.Variants ?? [];
        CheckVariants(document, votes);
        evidence.CheckDates(document);
        var elections = new ElectionCompiler(_context);
        elections.Check(document, voteIds);
        _drift.CheckTimeline(document);
        _members.CheckArticle19Conflicts(document, article19);
        foreach (var variant in variants.Where(v => v.Attraction is not null))
        {
            if (document.Timeline is null)
            {
                _context.Error(variant, "attraction", "'attraction' changes a multi-year scenario's drift; the scenario has no 'timeline'");
            }

            _drift.CheckAttractions(variant.Attraction);
        }

        if (_context.ErrorCount > errorsBefore)
        {
            return null;
        }

        var baselineDrift = _drift.CompileDrift(document, null);
        var variantModels = new List<VariantModel> { new("baseline", votes.Compile(document, null, shocks, _shocks, article19)) { Elections = elections.Compile(document, null, article19), Drift = baselineDrift } };
        variantModels.AddRange(variants.Select(v => new VariantModel(v.Name, votes.Compile(document, v, shocks, _shocks, article19))
        {
            Elections = elections.Compile(document, v, article19),
            Drift = v.Attraction is null ? baselineDrift : _drift.CompileDrift(document, v),
        }));
        return _context.ErrorCount > errorsBefore ? null : new SimulationModel(seed, trials, variantModels);
    }

    /// <summary>Checks the scenario's name, date, trials and calibration year; returns the trials and seed in force.</summary>
    private (long Trials, ulong Seed) CheckRun(ScenarioDocument document, RunOverrides overrides)
    {
        _context.CheckName(document, "scenario", document.Scenario, "scenario name");
        _context.CheckDate(document, "as_of", document.AsOf);
        long trials = overrides.Trials ?? document.Trials ?? DefaultTrials;
        if (trials < 1 || trials > MaxTrials)
        {
            _context.Error(document, "trials", $"trials must be between 1 and {MaxTrials:N0}, not {trials:N0}");
        }

        ulong seed = overrides.Seed ?? document.Seed ?? DefaultSeed;
        var calibration = _context.Catalog.Calibration;
        _context.CalibrationYear = CalibrationChoice.YearOf(document.Calibration) ?? calibration.LatestYear;
        if (_context.CalibrationYear < calibration.FirstYear || _context.CalibrationYear > calibration.LatestYear)
        {
            _context.Error(document, "calibration", $"{_calibrationName} covers {calibration.FirstYear}-{calibration.LatestYear}, not {_context.CalibrationYear}; leave 'calibration' out for the latest year ({calibration.LatestYear})");
            _context.CalibrationYear = calibration.LatestYear;
        }

        return (trials, seed);
    }

    /// <summary>Checks the scenario's size: at least one vote or election, at most so many votes, variants and rows of trials.</summary>
    private void CheckSize(ScenarioDocument document, RunOverrides overrides, long trials)
    {
        var votes = document.Votes;
        if (votes.Length == 0 && (document.Elections?.Length ?? 0) == 0)
        {
            _context.Error(document, "votes", "a scenario needs at least one vote or election (keys 'votes' and 'elections')");
        }

        if (votes.Length > ScenarioLimits.MaxVotes)
        {
            _context.Error(document, "votes", $"{votes.Length:N0} votes; a scenario may have at most {ScenarioLimits.MaxVotes:N0} (split it into several scenarios)");
        }

        if (document.Variants is { Length: > ScenarioLimits.MaxVariants } tooMany)
        {
            _context.Error(document, "variants", $"{tooMany.Length:N0} variants; a scenario may have at most {ScenarioLimits.MaxVariants:N0} besides the baseline");
        }

        long rows = (long)Math.Min(trials, MaxTrials) * ((document.Variants?.Length ?? 0) + 1) * votes.Length;
        if (rows > ScenarioLimits.MaxTrialRows && trials <= MaxTrials)
        {
            _context.Error(document, overrides.Trials is null && document.Trials is not null ? "trials" : "votes",
                $"{trials:N0} trials x {(document.Variants?.Length ?? 0) + 1} variant(s) x {votes.Length} vote(s) = {rows:N0} rows of trials/; at most {ScenarioLimits.MaxTrialRows:N0} in one run: ask fewer trials (--trials) or run shards on several machines");
        }
    }

    /// <summary>Checks each variant: its name, member layer, coalition and changes to votes.</summary>
    private void CheckVariants(ScenarioDocument document, VoteCompiler votes)
    {
        var variantNames = new HashSet<string>(StringComparer.Ordinal) { "baseline" };
        foreach (var variant in document.Variants ?? [])
        {
            _context.CheckName(variant, "name", variant.Name, "variant name");
            if (!variantNames.Add(variant.Name))
            {
                _context.Error(variant, "name", variant.Name == "baseline"
                    ? "'baseline' is the scenario as written; give the variant another name"
                    : $"duplicate variant name '{variant.Name}'");
            }

            _members.CheckMemberLayer(variant.Members, document.AsOf, variant.Blocs);
            _coalitions.CheckCoalition(variant.Cosponsors, variant.Outreach, document.AsOf);
            foreach (var (voteId, change) in variant.Votes ?? [])
            {
                var target = document.Votes.FirstOrDefault(v => v.Id == voteId);
                if (target is null)
                {
                    _context.Error(variant.Votes!, voteId, $"unknown vote '{voteId}'{Suggestions.DidYouMean(voteId, document.Votes.Select(v => v.Id))}");
                    continue;
                }

                votes.CheckVariantVote(change, target, document.AsOf);
            }
        }
    }
}
