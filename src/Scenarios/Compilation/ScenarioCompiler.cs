using System.Text.RegularExpressions;
using StemSimulator.Engine.Members;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Checks a bound scenario against the reference data and the Charter's rules and compiles it into a
/// <see cref="SimulationModel"/>. Every problem is reported with its place in the file; nothing throws.
/// </summary>
internal sealed partial class ScenarioCompiler
{
    /// <summary>Most trials a run may ask for.</summary>
    public const long MaxTrials = 100_000_000;

    /// <summary>Trials when neither the scenario nor the command line says.</summary>
    public const long DefaultTrials = 100_000;

    /// <summary>Seed when neither the scenario nor the command line says.</summary>
    public const ulong DefaultSeed = 1;

    private const double MaxShockSd = 5;
    private const double MaxShift = 10;
    private const double MaxParameter = 20;
    private static readonly DateOnly FirstDate = new(1945, 10, 24);
    private static readonly DateOnly LastDate = new(2100, 12, 31);

    private readonly ReferenceCatalog _catalog;
    private readonly SourceMap _map;
    private readonly List<ScenarioDiagnostic> _diagnostics;
    private readonly List<ScenarioDiagnostic> _warnings;
    private readonly Dictionary<string, int> _rosterIndex;
    private VoteDocument[] _votes = [];
    private readonly Dictionary<object, VoteParameters> _parameters = new(ReferenceEqualityComparer.Instance);
    private int _calibrationYear;

    public ScenarioCompiler(ReferenceCatalog catalog, SourceMap map, List<ScenarioDiagnostic> diagnostics, List<ScenarioDiagnostic>? warnings = null)
    {
        _catalog = catalog;
        _map = map;
        _diagnostics = diagnostics;
        _warnings = warnings ?? [];
        _rosterIndex = catalog.States.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    public SimulationModel? Compile(ScenarioDocument document, RunOverrides overrides)
    {
        _votes = document.Votes;
        int errorsBefore = _diagnostics.Count;
        CheckName(document, "scenario", document.Scenario, "scenario name");
        CheckDate(document, "as_of", document.AsOf);
        long trials = overrides.Trials ?? document.Trials ?? DefaultTrials;
        if (trials < 1 || trials > MaxTrials)
        {
            Error(document, "trials", $"trials must be between 1 and {MaxTrials:N0}, not {trials:N0}");
        }

        ulong seed = overrides.Seed ?? document.Seed ?? DefaultSeed;
        var calibration = _catalog.Calibration;
        _calibrationYear = document.Calibration ?? calibration.LatestYear;
        if (_calibrationYear < calibration.FirstYear || _calibrationYear > calibration.LatestYear)
        {
            Error(document, "calibration", $"the embedded calibration covers {calibration.FirstYear}-{calibration.LatestYear}, not {_calibrationYear}; leave 'calibration' out for the latest year ({calibration.LatestYear})");
            _calibrationYear = calibration.LatestYear;
        }

        var shocks = CompileShocks(document.Shocks);
        var article19 = CheckCodes(document.Article19, document, "article_19", document.AsOf) ?? [];
        CheckMemberLayer(document.Members, document.AsOf);

        var votes = document.Votes;
        if (votes.Length == 0 && (document.Elections?.Length ?? 0) == 0)
        {
            Error(document, "votes", "a scenario needs at least one vote or election (keys 'votes' and 'elections')");
        }

        if (votes.Length > ScenarioLimits.MaxVotes)
        {
            Error(document, "votes", $"{votes.Length:N0} votes; a scenario may have at most {ScenarioLimits.MaxVotes:N0} (split it into several scenarios)");
        }

        if (document.Variants is { Length: > ScenarioLimits.MaxVariants } tooMany)
        {
            Error(document, "variants", $"{tooMany.Length:N0} variants; a scenario may have at most {ScenarioLimits.MaxVariants:N0} besides the baseline");
        }

        long rows = (long)Math.Min(trials, MaxTrials) * ((document.Variants?.Length ?? 0) + 1) * votes.Length;
        if (rows > ScenarioLimits.MaxTrialRows && trials <= MaxTrials)
        {
            Error(document, overrides.Trials is null && document.Trials is not null ? "trials" : "votes",
                $"{trials:N0} trials x {(document.Variants?.Length ?? 0) + 1} variant(s) x {votes.Length} vote(s) = {rows:N0} rows of trials.parquet; at most {ScenarioLimits.MaxTrialRows:N0} in one run: ask fewer trials (--trials) or run shards on several machines");
        }

        var voteIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vote in votes)
        {
            CheckVote(vote, document.AsOf);
            if (!voteIds.Add(vote.Id))
            {
                Error(vote, "id", $"duplicate vote id '{vote.Id}'; each vote needs its own id");
            }
        }

        var variants = document.Variants ?? [];
        var variantNames = new HashSet<string>(StringComparer.Ordinal) { "baseline" };
        foreach (var variant in variants)
        {
            CheckName(variant, "name", variant.Name, "variant name");
            if (!variantNames.Add(variant.Name))
            {
                Error(variant, "name", variant.Name == "baseline"
                    ? "'baseline' is the scenario as written; give the variant another name"
                    : $"duplicate variant name '{variant.Name}'");
            }

            CheckMemberLayer(variant.Members, document.AsOf);
            CheckCoalition(variant.Cosponsors, variant.Outreach, document.AsOf);
            foreach (var (voteId, change) in variant.Votes ?? [])
            {
                var target = votes.FirstOrDefault(v => v.Id == voteId);
                if (target is null)
                {
                    Error(variant.Votes!, voteId, $"unknown vote '{voteId}'{Suggestions.DidYouMean(voteId, votes.Select(v => v.Id))}");
                    continue;
                }

                CheckVariantVote(change, target, document.AsOf);
            }
        }

        var elections = new ElectionCompiler(_catalog, _map, _diagnostics);
        elections.Check(document, voteIds);
        CheckTimeline(document);
        foreach (var variant in variants.Where(v => v.Attraction is not null))
        {
            if (document.Timeline is null)
            {
                Error(variant, "attraction", "'attraction' changes a multi-year scenario's drift; the scenario has no 'timeline'");
            }

            CheckAttractions(variant.Attraction);
        }

        if (_diagnostics.Count > errorsBefore)
        {
            return null;
        }

        var baselineDrift = CompileDrift(document, null);
        var variantModels = new List<VariantModel> { new("baseline", Compile(document, null, shocks, article19)) { Elections = elections.Compile(document, null, article19), Drift = baselineDrift } };
        variantModels.AddRange(variants.Select(v => new VariantModel(v.Name, Compile(document, v, shocks, article19))
        {
            Elections = elections.Compile(document, v, article19),
            Drift = v.Attraction is null ? baselineDrift : CompileDrift(document, v),
        }));
        return _diagnostics.Count > errorsBefore ? null : new SimulationModel(seed, trials, variantModels);
    }

    private VoteModel[] Compile(ScenarioDocument document, VariantDocument? variant, ShockModel shocks, string[] article19)
    {
        var result = new VoteModel[document.Votes.Length];
        for (int j = 0; j < document.Votes.Length; j++)
        {
            var vote = document.Votes[j];
            VariantVoteDocument? change = null;
            variant?.Votes?.TryGetValue(vote.Id, out change);
            var date = vote.Date ?? document.AsOf;
            var body = vote.Body == BodyName.SC ? Body.SecurityCouncil : Body.GeneralAssembly;
            var parameters = change is not null && _parameters.TryGetValue(change, out var changed) ? changed : _parameters[vote];
            var majority = (change?.Majority ?? vote.Majority) == MajorityName.TwoThirds ? MajorityRule.TwoThirds : MajorityRule.Simple;
            var decision = (change?.Decision ?? vote.Decision) == DecisionName.Procedural ? CouncilDecision.Procedural : CouncilDecision.Substantive;
            var estimator = vote.Estimator switch
            {
                EstimatorName.Exact => OutcomeEstimator.ExactConditional,
                EstimatorName.Sampled => OutcomeEstimator.Sampled,
                _ => OutcomeEstimator.Automatic,
            };
            var reform = change?.Reform ?? vote.Reform;
            var participants = body == Body.SecurityCouncil
                ? PermanentMembersExtensions.AllCodes
                    .Concat(reform?.NewPermanent ?? [])
                    .Concat(change?.Council ?? vote.Council ?? _catalog.ElectedCouncilMembers(date.Year))
                    .Concat(reform?.NewElected ?? [])
                    .ToArray()
                : _catalog.VotingMembersOn(date).Select(s => s.Code).ToArray();
            var parties = vote.Chapter == CharterChapter.VI ? vote.PartiesToDispute ?? [] : [];

            var list = new List<VoteParticipant>(participants.Length);
            foreach (string code in participants)
            {
                var layers = MemberLayers.Empty
                    .Then(document.Members?.GetValueOrDefault(code))
                    .Then(vote.Members?.GetValueOrDefault(code))
                    .Then(variant?.Members?.GetValueOrDefault(code))
                    .Then(change?.Members?.GetValueOrDefault(code));
                MemberLean lean;
                if (body == Body.GeneralAssembly && article19.Contains(code))
                {
                    lean = MemberLean.Certain(VoteChoice.Absent);
                }
                else if (parties.Contains(code))
                {
                    lean = MemberLean.Certain(VoteChoice.Abstain);
                }
                else
                {
                    lean = Lean(code, layers, parameters, body, date, document.Timeline is not null);
                    if (lean.Fixed is null)
                    {
                        double shift = (vote.Backlash is { } backlash ? Backlash(backlash, code, date) : 0)
                            + Cosponsorship(vote.Cosponsors, code, date) + Cosponsorship(variant?.Cosponsors, code, date)
                            + Outreach(vote.Outreach, code) + Outreach(variant?.Outreach, code);
                        lean = lean with { Mean = lean.Mean + shift };
                    }
                }

                var blocs = shocks.BlocNames
                    .Select((name, index) => (name, index))
                    .Where(b => InShockGroup(b.name, code, date))
                    .Select(b => b.index)
                    .ToArray();
                list.Add(new VoteParticipant(_rosterIndex[code], code, lean, PermanentMembersExtensions.FromCode(code), blocs));
            }

            var conditions = (vote.After ?? [])
                .Select(after => new VoteCondition(
                    Array.FindIndex(document.Votes, v => v.Id == after.Vote),
                    after.If switch
                    {
                        ConditionName.Vetoed => ConditionOutcome.Vetoed,
                        ConditionName.Adopted => ConditionOutcome.Adopted,
                        ConditionName.Failed => ConditionOutcome.Failed,
                        _ => ConditionOutcome.Held,
                    },
                    after.Tabled ?? DefaultTabling(after, body),
                    $"{after.Vote}:{after.If.ToString().ToLowerInvariant()}"))
                .ToArray();
            result[j] = new VoteModel(vote.Id, j, body, date, majority, decision, estimator, shocks, list, conditions, reform is null ? null : ReformRule(reform))
            {
                AnalogSd = parameters.AnalogSpread,
                DriftYearIndex = document.Timeline is { } timeline ? date.Year - timeline.From : -1,
                DriftBeta = parameters.Beta,
                DebatesVeto = body == Body.SecurityCouncil && decision == CouncilDecision.Substantive && vote.EmergencySessionOpen != true,
                ConcernedStates = [.. change?.Concerns ?? vote.Concerns ?? []],
            };
        }

        return result;
    }

    /// <summary>
    /// The tabling probability when the scenario gives none: for an Assembly vote after a veto, the record's share of
    /// vetoes followed by a recorded Assembly vote on the same subject (<see cref="VetoFollowUpDefaults"/>); otherwise 1.
    /// </summary>
    private static double DefaultTabling(AfterDocument after, Body body) =>
        after.If == ConditionName.Vetoed && body == Body.GeneralAssembly ? VetoFollowUpDefaults.TablingProbability : 1.0;

    /// <summary>Width (in units of the calibrated main dimension) over which co-sponsors draw support from others.</summary>
    private const double CosponsorReach = 0.5;

    /// <summary>
    /// The co-sponsorship shift of one member: the full effect for a sponsor, else the effect times
    /// exp(-(theta - mean sponsor theta)^2 / (2 reach^2)).
    /// </summary>
    private double Cosponsorship(CosponsorsDocument? cosponsors, string code, DateOnly date)
    {
        if (cosponsors is null)
        {
            return 0;
        }

        var sponsors = Sponsors(cosponsors, date);
        if (sponsors.Contains(code))
        {
            return cosponsors.Effect;
        }

        var calibration = _catalog.Calibration;
        var thetas = sponsors.Select(s => calibration.Find(s, _calibrationYear)?.Theta).OfType<double>().ToArray();
        if (thetas.Length == 0 || calibration.Find(code, _calibrationYear) is not { } position)
        {
            return 0;
        }

        double distance = position.Theta - thetas.Average();
        return cosponsors.Effect * Math.Exp(-(distance * distance) / (2 * CosponsorReach * CosponsorReach));
    }

    private HashSet<string> Sponsors(CosponsorsDocument cosponsors, DateOnly date)
    {
        var sponsors = new HashSet<string>(cosponsors.Members ?? [], StringComparer.Ordinal);
        foreach (var bloc in cosponsors.Blocs ?? [])
        {
            if (_catalog.Blocs.TryGetValue(bloc, out var members))
            {
                sponsors.UnionWith(members.MembersOn(date));
            }
        }

        return sponsors;
    }

    private static double Outreach(OutreachDocument? outreach, string code) =>
        outreach is not null && outreach.Members.Contains(code) ? outreach.Effect : 0;

    /// <summary>A reformed Council's quota and veto, from the built-in model.</summary>
    private static CouncilRule ReformRule(ReformDocument reform)
    {
        var model = Councils.CouncilCatalog.Find(reform.Model)!;
        return new CouncilRule(model.Quota, model.VetoHolders == 0 ? int.MaxValue : model.VetoBlocking);
    }

    private void CheckReform(ReformDocument reform, string[]? council, DateOnly date)
    {
        var model = Councils.CouncilCatalog.Find(reform.Model);
        if (model is null)
        {
            Error(reform, "model", $"unknown Council model '{reform.Model}'{Suggestions.DidYouMean(reform.Model, Councils.CouncilCatalog.Names)} (models: {string.Join(", ", Councils.CouncilCatalog.Names)})");
            return;
        }

        if (model.Classes.Any(c => c.Veto && !c.Members.All(m => PermanentMembersExtensions.FromCode(m) != PermanentMembers.None)))
        {
            Error(reform, "model", $"'{reform.Model}' gives new members a veto; the vote engine models the vetoes of the five permanent members only");
            return;
        }

        int newPermanent = model.Classes.Where(c => c.Type == "new_permanent").Sum(c => c.Count);
        int newElected = model.MemberCount - 5 - newPermanent - 10;
        foreach (var (key, codes, expected) in new[] { ("new_permanent", reform.NewPermanent, newPermanent), ("new_elected", reform.NewElected, newElected) })
        {
            if ((codes?.Length ?? 0) != expected)
            {
                Error(reform, key, $"the '{reform.Model}' model has {expected} {key.Replace('_', ' ')} seat(s); list {expected} member(s), found {codes?.Length ?? 0}");
            }

            CheckCodes(codes, reform, key, date);
        }

        var all = PermanentMembersExtensions.AllCodes
            .Concat(reform.NewPermanent ?? []).Concat(council ?? (_catalog.CouncilYears.Contains(date.Year) ? _catalog.ElectedCouncilMembers(date.Year) : []))
            .Concat(reform.NewElected ?? []).ToArray();
        foreach (var duplicate in all.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Error(reform, "model", $"{duplicate} would hold two seats in the reformed Council; each member holds one");
        }
    }

    /// <summary>The backlash shift of one member: the global shift plus those of the blocs it belongs to on the date.</summary>
    private double Backlash(BacklashDocument backlash, string code, DateOnly date) =>
        (backlash.Global ?? 0) + (backlash.Blocs ?? []).Where(b => _catalog.Blocs[b.Key].Contains(code, date)).Sum(b => b.Value);

    private MemberLean Lean(string code, MemberLayers layers, VoteParameters parameters, Body body, DateOnly date, bool drift = false)
    {
        if (layers.Vote is { } certain)
        {
            return MemberLean.Certain(certain switch
            {
                VoteChoiceName.Yes => VoteChoice.Yes,
                VoteChoiceName.No => VoteChoice.No,
                VoteChoiceName.Abstain => VoteChoice.Abstain,
                _ => VoteChoice.Absent,
            });
        }

        if (layers.HasProbabilities)
        {
            var direct = MemberLean.FromProbabilities(layers.PYes ?? 0, layers.PAbstain ?? 0, layers.PNo ?? 0);
            return direct with { Mean = direct.Mean + layers.Shift };
        }

        var calibration = _catalog.Calibration;
        var position = calibration.Find(code, _calibrationYear)
            ?? throw new InvalidOperationException($"The embedded calibration has no position for {code}.");

        // A vote years after the calibration year: the position has drifted by a random walk since, so its
        // uncertainty grows by the calibration's yearly step (variance se^2 + years * step^2).
        int years = Math.Max(0, date.Year - position.SourceYear);
        double se = Math.Sqrt((position.ThetaStandardError * position.ThetaStandardError) + (years * calibration.PositionStepSd * calibration.PositionStepSd));
        double beta = parameters.Beta;
        // In a multi-year scenario the kernel adds beta times the trial's drifted position; the lean keeps the rest
        // (the issue offsets) and no position uncertainty of its own (the drift path carries it).
        double driftFree = drift ? position.PositionFor(parameters.IssueMask) - position.Theta : position.PositionFor(parameters.IssueMask);
        return new MemberLean(
            Mean: (beta * driftFree) + parameters.Shift + layers.Shift,
            PositionLoading: drift ? 0 : beta * se,
            NoBelow: parameters.Cutpoints[0],
            YesFrom: parameters.Cutpoints[1],
            // Absence rates are calibrated on the Assembly; Council members sit for every vote.
            AbsenceProbability: layers.Absence ?? (body == Body.SecurityCouncil ? 0.0 : position.AbsenceRate));
    }

    /// <summary>The shared-shock groups a scenario may name: the catalog's blocs and the five UN regional groups.</summary>
    private IEnumerable<string> ShockGroupNames => _catalog.Blocs.Keys.Concat(RegionalGroups.Names).Order(StringComparer.Ordinal);

    private bool InShockGroup(string name, string code, DateOnly date) =>
        RegionalGroups.Find(name) is { } group
            ? _catalog.FindState(code)?.Group == group
            : _catalog.Blocs[name].Contains(code, date);

    private ShockModel CompileShocks(ShocksDocument? shocks)
    {
        if (shocks is null)
        {
            return ShockModel.None;
        }

        // 'calibrated' starts from the embedded calibration's shock sizes; explicit values then replace them.
        var preset = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        double global = 0;
        if (shocks.Preset is { } name)
        {
            if (name != "calibrated")
            {
                Error(shocks, "preset", $"unknown shock preset '{name}'{Suggestions.DidYouMean(name, ["calibrated"])} (the only preset is 'calibrated': the shock sizes estimated by the calibration)");
            }
            else
            {
                var model = _catalog.CalibrationModel;
                global = model.Number("shock_sd_global") ?? 0;
                foreach (var group in ShockGroupNames)
                {
                    if (model.Number("shock_sd_" + group) is { } sd && sd > 0)
                    {
                        preset[group] = sd;
                        order.Add(group);
                    }
                }
            }
        }

        global = shocks.GlobalSd ?? global;
        CheckRange(shocks, "global_sd", global, 0, MaxShockSd, "a shock's standard deviation");
        foreach (var (bloc, sd) in shocks.Blocs ?? [])
        {
            if (!ShockGroupNames.Contains(bloc, StringComparer.Ordinal))
            {
                Error(shocks.Blocs!, bloc, $"unknown bloc '{bloc}'{Suggestions.DidYouMean(bloc, ShockGroupNames)} (blocs: {string.Join(", ", ShockGroupNames)})");
                continue;
            }

            if (sd < 0 || sd > MaxShockSd)
            {
                Error(shocks.Blocs!, bloc, $"the shock of bloc {bloc} must have a standard deviation between 0 and {MaxShockSd}, not {sd}");
                continue;
            }

            preset[bloc] = sd;
            if (!order.Contains(bloc))
            {
                order.Add(bloc);
            }
        }

        // Blocs keep the order written (a bloc's index keys its random numbers); preset ones come first.
        var names = order.ToArray();
        return global >= 0 && global <= MaxShockSd ? new ShockModel(global, names, names.Select(n => preset[n]).ToArray()) : ShockModel.None;
    }

    private void CheckVote(VoteDocument vote, DateOnly asOf)
    {
        CheckName(vote, "id", vote.Id, "vote id");
        var date = vote.Date ?? asOf;
        if (vote.Date is { } d)
        {
            CheckDate(vote, "date", d);
            if (d < asOf)
            {
                Error(vote, "date", $"the vote's date {d:yyyy-MM-dd} is before as_of {asOf:yyyy-MM-dd}; votes come on or after it");
            }
        }

        ResolveParameters(vote, vote, null);
        bool council = vote.Body == BodyName.SC;
        if (council)
        {
            if (vote.Majority is not null)
            {
                Error(vote, "majority", "'majority' is for General Assembly votes; a Council draft has 'decision: substantive' or 'procedural'");
            }

            if (vote.Estimator == EstimatorName.Sampled)
            {
                Error(vote, "estimator", "the Council always uses the exact estimator; remove 'estimator'");
            }

            if (vote.Council is not null)
            {
                CheckCouncil(vote, "council", vote.Council, date);
            }
            else if (!_catalog.CouncilYears.Contains(date.Year))
            {
                Error(vote, vote.Date is null ? "body" : "date", $"the project knows the Council's elected members for {_catalog.CouncilYears.Min()}-{_catalog.CouncilYears.Max()}, not {date.Year}; list the ten elected members under 'council'");
            }

            if (vote.PartiesToDispute is not null)
            {
                CheckCodes(vote.PartiesToDispute, vote, "parties_to_dispute", date);
                if (vote.Chapter != CharterChapter.VI)
                {
                    Error(vote, "parties_to_dispute", "parties to a dispute abstain only under Chapter VI (Art. 27(3)); add 'chapter: VI' or remove 'parties_to_dispute'");
                }
            }
        }
        else
        {
            foreach (var (key, present) in new[] { ("decision", vote.Decision is not null), ("chapter", vote.Chapter is not null), ("parties_to_dispute", vote.PartiesToDispute is not null), ("council", vote.Council is not null) })
            {
                if (present)
                {
                    Error(vote, key, $"'{key}' is for Security Council drafts (body: SC), not General Assembly votes");
                }
            }
        }

        CheckMemberLayer(vote.Members, date);
        CheckConcerns(vote.Concerns, vote, date, vote.Council);
        CheckChain(vote);
        if (vote.Reform is not null)
        {
            if (vote.Body != BodyName.SC)
            {
                Error(vote, "reform", "'reform' is for Security Council drafts");
            }
            else
            {
                CheckReform(vote.Reform, vote.Council, date);
            }
        }
        CheckCoalition(vote.Cosponsors, vote.Outreach, date);
    }

    private void CheckCoalition(CosponsorsDocument? cosponsors, OutreachDocument? outreach, DateOnly date)
    {
        if (cosponsors is not null)
        {
            CheckRange(cosponsors, "effect", cosponsors.Effect, -5, 5, "a co-sponsorship effect");
            CheckCodes(cosponsors.Members, cosponsors, "members", date);
            for (int i = 0; i < (cosponsors.Blocs?.Length ?? 0); i++)
            {
                string bloc = cosponsors.Blocs![i];
                if (!_catalog.Blocs.ContainsKey(bloc))
                {
                    Error(cosponsors.Blocs, i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"unknown bloc '{bloc}'{Suggestions.DidYouMean(bloc, _catalog.Blocs.Keys)}");
                }
            }

            if ((cosponsors.Blocs?.Length ?? 0) + (cosponsors.Members?.Length ?? 0) == 0)
            {
                Error(cosponsors, "effect", "name the co-sponsors under 'blocs' or 'members'");
            }
        }

        if (outreach is not null)
        {
            CheckRange(outreach, "effect", outreach.Effect, -5, 5, "an outreach effect");
            CheckCodes(outreach.Members, outreach, "members", date);
        }
    }

    /// <summary>Checks a vote's place in a chain: conditions on earlier votes, tabling probabilities, backlash, the debate switch.</summary>
    private void CheckChain(VoteDocument vote)
    {
        var earlier = _votes.TakeWhile(v => !ReferenceEquals(v, vote)).ToArray();
        foreach (var after in vote.After ?? [])
        {
            var target = earlier.FirstOrDefault(v => v.Id == after.Vote);
            if (target is null)
            {
                bool later = _votes.Any(v => v.Id == after.Vote);
                Error(after, "vote", later
                    ? $"vote '{vote.Id}' can only wait for a vote listed before it; move '{after.Vote}' above it"
                    : $"unknown vote '{after.Vote}'{Suggestions.DidYouMean(after.Vote, earlier.Select(v => v.Id))}");
            }
            else if (after.If == ConditionName.Vetoed && (target.Body != BodyName.SC || target.Decision == DecisionName.Procedural))
            {
                Error(after, "if", $"'{after.Vote}' cannot be vetoed: only substantive Council decisions can; use 'failed' or 'adopted'");
            }

            if (after.Tabled is { } tabled)
            {
                CheckRange(after, "tabled", tabled, 0, 1, "a tabling probability");
            }
        }

        if (vote.Backlash is { } backlash)
        {
            if (vote.After is null)
            {
                Error(vote, "backlash", "'backlash' shifts support after a veto; give the vote an 'after: { vote: ..., if: vetoed }' condition");
            }

            if (backlash.Global is { } global)
            {
                CheckRange(backlash, "global", global, -5, 5, "a backlash shift");
            }

            foreach (var (bloc, shift) in backlash.Blocs ?? [])
            {
                if (!_catalog.Blocs.ContainsKey(bloc))
                {
                    Error(backlash.Blocs!, bloc, $"unknown bloc '{bloc}'{Suggestions.DidYouMean(bloc, _catalog.Blocs.Keys)}");
                }
                else
                {
                    CheckRange(backlash.Blocs!, bloc, shift, -5, 5, "a backlash shift");
                }
            }
        }

        if (vote.EmergencySessionOpen is not null && vote.Body != BodyName.SC)
        {
            Error(vote, "emergency_session_open", "'emergency_session_open' is for Council drafts: it says whether their veto convenes the Assembly's debate");
        }
    }

    private void CheckVariantVote(VariantVoteDocument change, VoteDocument vote, DateOnly asOf)
    {
        var date = vote.Date ?? asOf;
        CheckConcerns(change.Concerns, vote, date, change.Council ?? vote.Council);
        bool council = vote.Body == BodyName.SC;
        if (council && change.Majority is not null)
        {
            Error(change, "majority", $"vote '{vote.Id}' is a Council draft; use 'decision'");
        }

        if (!council && change.Decision is not null)
        {
            Error(change, "decision", $"vote '{vote.Id}' is a General Assembly vote; use 'majority'");
        }

        if (!council && change.Council is not null)
        {
            Error(change, "council", $"vote '{vote.Id}' is a General Assembly vote; 'council' is for Council drafts");
        }

        if (change.Like is not null || change.Discrimination is not null || change.Cutpoints is not null)
        {
            ResolveParameters(change, vote, change);
        }

        if (council && change.Council is not null)
        {
            CheckCouncil(change, "council", change.Council, date);
        }

        if (change.Reform is not null)
        {
            if (!council)
            {
                Error(change, "reform", $"vote '{vote.Id}' is a General Assembly vote; 'reform' is for Council drafts");
            }
            else
            {
                CheckReform(change.Reform, change.Council ?? vote.Council, date);
            }
        }

        CheckMemberLayer(change.Members, date);
    }

    /// <summary>
    /// The vote parameters of <paramref name="vote"/>, changed by <paramref name="change"/> when given: an analog's
    /// beta, cut-points and issue areas (shifted as asked), replaced field by field by explicit values. Problems are
    /// reported at <paramref name="owner"/>; the result is remembered for compilation.
    /// </summary>
    private void ResolveParameters(object owner, VoteDocument vote, VariantVoteDocument? change)
    {
        var like = change is null ? vote.Like : change.Like;
        double? discrimination = change is null ? vote.Discrimination : change.Discrimination;
        double[]? cutpoints = change is null ? vote.Cutpoints : change.Cutpoints;
        if (like is not null && (discrimination is not null || cutpoints is not null))
        {
            Error(owner, "like", $"vote '{vote.Id}': give either 'like' (the parameters of a historical roll call) or 'discrimination' and 'cutpoints', not both");
            return;
        }

        if (discrimination is { } beta)
        {
            CheckRange(owner, "discrimination", beta, -MaxParameter, MaxParameter, "the discrimination");
        }

        if (cutpoints is not null)
        {
            CheckCutpoints(owner, cutpoints);
        }

        VoteParameters? resolved = null;
        if (like is not null)
        {
            resolved = ResolveAnalog(like);
        }
        else if (change is not null)
        {
            // A variant changes one or both explicit values of the baseline vote.
            if (_parameters.TryGetValue(vote, out var baseline))
            {
                resolved = baseline with { Beta = discrimination ?? baseline.Beta, Cutpoints = cutpoints ?? baseline.Cutpoints };
            }
        }
        else if (discrimination is null || cutpoints is null)
        {
            Error(owner, "id", $"vote '{vote.Id}' needs either 'like: <roll call>' (e.g. like: A/RES/68/262) or both 'discrimination' and 'cutpoints'");
        }
        else
        {
            resolved = new VoteParameters(discrimination.Value, cutpoints, 0, 0, null);
        }

        if (resolved is not null && resolved.Cutpoints.Length == 2)
        {
            _parameters[owner] = resolved;
        }
    }

    private VoteParameters? ResolveAnalog(AnalogDocument like)
    {
        if (string.IsNullOrWhiteSpace(like.Vote))
        {
            Error(like, "vote", "'like' needs the roll call: a resolution symbol such as A/RES/68/262 or a roll-call id");
            return null;
        }

        var analog = _catalog.RollCalls.Find(like.Vote, out var problem);
        if (analog is null)
        {
            Error(like, "vote", problem!);
            return null;
        }

        double shift = like.Shift ?? 0;
        if (like.Shift is { } s)
        {
            CheckRange(like, "shift", s, -MaxShift, MaxShift, "a shift");
        }

        int mask = like.Issue switch
        {
            null => analog.IssueMask,
            IssueAreaName.None => 0,
            { } issue => 1 << IssueAreas.IndexOf(Yaml.SnakeCase.From(issue.ToString())),
        };
        double spread = like.Spread ?? DefaultAnalogSpread;
        if (like.Spread is { } given)
        {
            CheckRange(like, "spread", given, 0, 3, "an analog spread");
        }

        return new VoteParameters(analog.Beta, [analog.Tau1, analog.Tau2], mask, shift, analog) { AnalogSpread = Math.Clamp(spread, 0, 3) };
    }

    /// <summary>
    /// Default uncertainty of an analog vote: 0.18, the standard deviation of the year-to-year shift of the mean latent
    /// support between a recurring resolution and its repeat (898 pairs matched by title, 2000-2019, on the embedded
    /// calibration).
    /// </summary>
    public const double DefaultAnalogSpread = 0.18;

    private void CheckCutpoints(object owner, double[] cuts)
    {
        if (cuts.Length != 2)
        {
            Error(owner, "cutpoints", $"cutpoints needs two numbers [no|abstain, abstain|yes], found {cuts.Length}");
            return;
        }

        if (cuts.Any(c => c < -MaxParameter || c > MaxParameter))
        {
            Error(owner, "cutpoints", $"cut-points must lie between {-MaxParameter} and {MaxParameter}");
        }

        if (cuts[0] > cuts[1])
        {
            Error(owner, "cutpoints", $"cut-points must be in order (no|abstain first): [{cuts[0]}, {cuts[1]}] would be [{cuts[1]}, {cuts[0]}]");
        }
    }

    private void CheckCouncil(object owner, string key, string[] elected, DateOnly date)
    {
        var codes = CheckCodes(elected, owner, key, date);
        if (codes is null)
        {
            return;
        }

        if (codes.Length != 10 || codes.Distinct(StringComparer.Ordinal).Count() != 10)
        {
            Error(owner, key, $"the Council has ten elected members, all different; found {codes.Distinct(StringComparer.Ordinal).Count()} different");
        }

        foreach (var permanent in codes.Where(c => PermanentMembersExtensions.FromCode(c) != PermanentMembers.None))
        {
            Error(owner, key, $"{permanent} is a permanent member; list only the ten elected members");
        }
    }

    private void CheckMemberLayer(Dictionary<string, MemberDocument>? members, DateOnly date)
    {
        foreach (var (code, member) in members ?? [])
        {
            if (CheckCode(code, members!, code, date) is null)
            {
                continue;
            }

            bool probabilities = member.PYes is not null || member.PAbstain is not null || member.PNo is not null;
            if (member.Vote is not null && probabilities)
            {
                Error(member, "vote", $"{code}: give either 'vote' or the probabilities p_yes/p_abstain/p_no, not both");
            }

            foreach (var (key, value) in new[] { ("p_yes", member.PYes), ("p_abstain", member.PAbstain), ("p_no", member.PNo), ("absence", member.Absence) })
            {
                if (value is { } p && (p < 0 || p > 1))
                {
                    Error(member, key, $"{code}: {key} is a probability between 0 and 1, not {p}");
                }
            }

            if (probabilities)
            {
                double sum = (member.PYes ?? 0) + (member.PAbstain ?? 0) + (member.PNo ?? 0);
                if (sum > 1 + 1e-9)
                {
                    Error(member, "p_yes", $"{code}: p_yes + p_abstain + p_no = {sum:0.###}; they may add up to at most 1 (the rest is absence)");
                }

                if (member.Absence is { } absence && Math.Abs(sum + absence - 1) > 1e-9)
                {
                    Error(member, "absence", $"{code}: with probabilities given, absence is 1 - p_yes - p_abstain - p_no = {1 - sum:0.###}; leave 'absence' out");
                }
            }

            if (member.Shift is { } shift)
            {
                CheckRange(member, "shift", shift, -MaxShift, MaxShift, "a shift");
            }
        }
    }

    private string[]? CheckCodes(string[]? codes, object owner, string key, DateOnly date)
    {
        if (codes is null)
        {
            return null;
        }

        bool ok = true;
        for (int i = 0; i < codes.Length; i++)
        {
            ok &= codes[i] is not null && CheckCode(codes[i], codes, i.ToString(System.Globalization.CultureInfo.InvariantCulture), date) is not null;
        }

        return ok ? codes : null;
    }

    private MemberState? CheckCode(string code, object owner, string key, DateOnly date)
    {
        var state = _catalog.FindState(code);
        if (state is null)
        {
            Error(owner, key, $"unknown member '{code}'{Suggestions.DidYouMean(code, _catalog.States.Select(s => s.Code))} (members are ISO3 codes such as NLD, USA, BRA)");
            return null;
        }

        if (state.IsObserver)
        {
            Error(owner, key, $"{code} ({state.Name}) is an observer state and does not vote on resolutions");
            return null;
        }

        if (state.Admitted > date)
        {
            Error(owner, key, $"{code} ({state.Name}) was admitted on {state.Admitted:yyyy-MM-dd}, after {date:yyyy-MM-dd}");
            return null;
        }

        return state;
    }

    private void CheckName(object owner, string key, string value, string what)
    {
        if (!NamePattern().IsMatch(value))
        {
            Error(owner, key, $"'{value}' is not a valid {what}: use 1-64 lower-case letters, digits and hyphens, starting with a letter or digit (for example 'ga-ceasefire-2026')");
        }
    }

    private void CheckDate(object owner, string key, DateOnly date)
    {
        if (date < FirstDate || date > LastDate)
        {
            Error(owner, key, $"{date:yyyy-MM-dd} is outside the range the tool covers ({FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd})");
        }
    }

    private void CheckRange(object owner, string key, double value, double min, double max, string what)
    {
        if (!(value >= min && value <= max))
        {
            Error(owner, key, $"{what} must be between {min} and {max}, not {value}");
        }
    }

    private void Error(object owner, string key, string message) =>
        _diagnostics.Add(new ScenarioDiagnostic(_map.Locate(owner, key), message));
}
