using StemSimulator.Engine.ConcernedParty;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// The votes of a scenario: checks each vote and each variant's change to it, and compiles them into
/// <see cref="VoteModel"/>s with their participants, leans, shocks, conditions and rules.
/// </summary>
internal sealed class VoteCompiler
{
    private readonly CompilationContext _context;
    private readonly VoteParameterResolver _parameters;
    private readonly CouncilCompiler _council;
    private readonly MemberCompiler _members;
    private readonly CoalitionCompiler _coalitions;
    private readonly ChainCompiler _chains;
    private readonly ConcernsCompiler _concerns;
    private readonly GivenCompiler _given;

    public VoteCompiler(CompilationContext context, MemberCompiler members, CoalitionCompiler coalitions, ChainCompiler chains)
    {
        _context = context;
        _parameters = new VoteParameterResolver(context);
        _council = new CouncilCompiler(context);
        _members = members;
        _coalitions = coalitions;
        _chains = chains;
        _concerns = new ConcernsCompiler(context);
        _given = new GivenCompiler(context);
    }

    /// <summary>Checks one vote of the scenario (its parameters, body-specific keys, members, chain, reform and coalition).</summary>
    public void CheckVote(VoteDocument vote, DateOnly asOf)
    {
        _context.CheckName(vote, "id", vote.Id, "vote id");
        var date = vote.Date ?? asOf;
        if (vote.Date is { } d)
        {
            _context.CheckDate(vote, "date", d);
            if (d < asOf)
            {
                _context.Error(vote, "date", $"the vote's date {d:yyyy-MM-dd} is before as_of {asOf:yyyy-MM-dd}; votes come on or after it");
            }
        }

        _parameters.Resolve(vote, vote, null);
        if (vote.Body == BodyName.SC)
        {
            CheckCouncilDraft(vote, date);
        }
        else
        {
            foreach (var (key, present) in new[] { ("decision", vote.Decision is not null), ("chapter", vote.Chapter is not null), ("parties_to_dispute", vote.PartiesToDispute is not null), ("council", vote.Council is not null), ("council_model", vote.CouncilModel is not null) })
            {
                if (present)
                {
                    _context.Error(vote, key, $"'{key}' is for Security Council drafts (body: SC), not General Assembly votes");
                }
            }
        }

        _members.CheckMemberLayer(vote.Members, date, vote.Blocs);
        _given.Check(vote.Given, vote.GivenBlocs, date);
        _concerns.CheckConcerns(vote.Concerns, vote, date, vote.Council);
        _chains.CheckChain(vote);
        if (vote.Reform is not null)
        {
            if (vote.Body != BodyName.SC)
            {
                _context.Error(vote, "reform", "'reform' is for Security Council drafts");
            }
            else
            {
                _council.CheckReform(vote.Reform, vote.Council, date);
            }
        }
        _coalitions.CheckCoalition(vote.Cosponsors, vote.Outreach, date);
    }

    /// <summary>Checks a variant's change to <paramref name="vote"/>.</summary>
    public void CheckVariantVote(VariantVoteDocument change, VoteDocument vote, DateOnly asOf)
    {
        var date = vote.Date ?? asOf;
        _concerns.CheckConcerns(change.Concerns, vote, date, change.Council ?? vote.Council);
        bool council = vote.Body == BodyName.SC;
        if (council && change.Majority is not null)
        {
            _context.Error(change, "majority", $"vote '{vote.Id}' is a Council draft; use 'decision'");
        }

        if (!council && change.Decision is not null)
        {
            _context.Error(change, "decision", $"vote '{vote.Id}' is a General Assembly vote; use 'majority'");
        }

        if (!council && change.CouncilModel is not null)
        {
            _context.Error(change, "council_model", $"vote '{vote.Id}' is a General Assembly vote; 'council_model' is for Council drafts");
        }

        if (!council && change.Council is not null)
        {
            _context.Error(change, "council", $"vote '{vote.Id}' is a General Assembly vote; 'council' is for Council drafts");
        }

        if (change.Like is not null || change.Discrimination is not null || change.Cutpoints is not null)
        {
            _parameters.Resolve(change, vote, change);
        }

        if (council && change.Council is not null)
        {
            _council.CheckCouncil(change, "council", change.Council, date);
        }

        if (change.Reform is not null)
        {
            if (!council)
            {
                _context.Error(change, "reform", $"vote '{vote.Id}' is a General Assembly vote; 'reform' is for Council drafts");
            }
            else
            {
                _council.CheckReform(change.Reform, change.Council ?? vote.Council, date);
            }
        }

        _members.CheckMemberLayer(change.Members, date, change.Blocs);
        _given.Check(change.Given, change.GivenBlocs, date);
    }

    /// <summary>Compiles every vote of <paramref name="variant"/> (the baseline when null); call only when the checks found nothing.</summary>
    public VoteModel[] Compile(ScenarioDocument document, VariantDocument? variant, ShockModel shocks, ShockCompiler shockGroups, string[] article19)
    {
        var result = new VoteModel[document.Votes.Length];
        for (int j = 0; j < document.Votes.Length; j++)
        {
            var vote = document.Votes[j];
            VariantVoteDocument? change = null;
            variant?.Votes?.TryGetValue(vote.Id, out change);
            var date = vote.Date ?? document.AsOf;
            var body = ClosedSets.Body(vote.Body);
            var parameters = _parameters.For(vote, change);
            if (parameters.AnchorYes is { } anchorYes)
            {
                parameters = parameters with { Shift = parameters.Shift + Anchor(parameters, date, [anchorYes])[0] };
            }
            else if (parameters.PopulationYes.Count > 0)
            {
                parameters = parameters with { AnalogShift = PopulationShift(parameters, date) };
            }
            var majority = ClosedSets.Majority(change?.Majority ?? vote.Majority ?? MajorityName.Simple);
            var decision = ClosedSets.Decision(change?.Decision ?? vote.Decision ?? DecisionName.Substantive);
            var estimator = ClosedSets.Estimator(vote.Estimator ?? EstimatorName.Auto);
            var reform = change?.Reform ?? vote.Reform;
            var list = Participants(document, variant, vote, change, body, date, parameters, shocks, shockGroups, article19);
            var parties = vote.Chapter == CharterChapter.VI ? vote.PartiesToDispute ?? [] : [];
            var given = _given.Apply(change?.Given ?? vote.Given, change?.GivenBlocs ?? vote.GivenBlocs, date, list, vote, variant, code =>
                body == Body.GeneralAssembly && article19.Contains(code) ? "it is in 'article_19' (no vote in the General Assembly)"
                : parties.Contains(code) ? "it is a party to the dispute under Chapter VI and abstains (Art. 27(3))"
                : null);
            result[j] = new VoteModel(vote.Id, j, body, date, majority, decision, estimator, shocks, list, _chains.Conditions(vote, body), reform is null ? null : CouncilCompiler.ReformRule(reform))
            {
                AnalogShift = parameters.AnalogShift,
                DriftYearIndex = document.Timeline is { } timeline ? date.Year - timeline.From : -1,
                DriftBeta = parameters.Beta,
                DebatesVeto = body == Body.SecurityCouncil && decision == CouncilDecision.Substantive && vote.EmergencySessionOpen != true,
                ConcernedStates = [.. change?.Concerns ?? vote.Concerns ?? []],
                Given = given,
            };
        }

        return result;
    }

    /// <summary>
    /// The shift that anchors an Assembly vote on its analog's recorded yes count (<see cref="AnalogAnchor"/>), found on
    /// the members' leans from the analog alone (no scenario entries, no shift of its own, positions of the calibration
    /// year), so every variant takes the same anchor and the scenario's own changes move the count away from it.
    /// </summary>
    private double[] Anchor(VoteParameters parameters, DateOnly date, IReadOnlyList<int> yes)
    {
        var plain = parameters with { Shift = 0 };
        var leans = _context.Catalog.VotingMembersOn(date)
            .Select(s => _members.Lean(s.Code, MemberLayers.Empty, plain, Body.GeneralAssembly, date))
            .ToArray();
        var means = leans.Select(l => l.Mean).ToArray();
        var sds = leans.Select(l => Math.Sqrt(1 + (l.PositionLoading * l.PositionLoading))).ToArray();
        var yesFrom = leans.Select(l => l.YesFrom).ToArray();
        var absence = leans.Select(l => l.AbsenceProbability).ToArray();
        var found = new Dictionary<int, double>();
        return yes.Select(y => found.TryGetValue(y, out double d) ? d : found[y] = AnalogAnchor.Shift(means, sds, yesFrom, absence, 0, y)).ToArray();
    }

    /// <summary>
    /// The empirical shift of a vote drawn from its analog's population: per text, the shift that anchors the vote on
    /// its recorded yes count (found as <see cref="Anchor"/> finds the analog's), spread about their mean by the band's
    /// factor, plus the measured jitter (the kind's <see cref="PopulationJitter"/> on the shifts as spread, else the
    /// shift's own sd).
    /// </summary>
    private AnalogShiftDistribution PopulationShift(VoteParameters parameters, DateOnly date)
    {
        var offsets = Anchor(parameters, date, parameters.PopulationYes);
        if (parameters.PopulationScale != 1)
        {
            offsets = [.. AnalogShiftDistribution.Empirical(offsets, 0).Rescaled(1, parameters.PopulationScale).Offsets];
        }

        double jitter = parameters.PopulationJitter?.JitterFor(offsets) ?? parameters.AnalogShift.NarrowSd;
        return AnalogShiftDistribution.Empirical(offsets, jitter);
    }

    /// <summary>The members who take part in a vote, each with its lean and its shocked groups.</summary>
    private List<VoteParticipant> Participants(
        ScenarioDocument document, VariantDocument? variant, VoteDocument vote, VariantVoteDocument? change, Body body, DateOnly date,
        VoteParameters parameters, ShockModel shocks, ShockCompiler shockGroups, string[] article19)
    {
        var participants = ParticipantCodes(vote, change, body, date);
        var parties = vote.Chapter == CharterChapter.VI ? vote.PartiesToDispute ?? [] : [];
        string[] concerns = change?.Concerns ?? vote.Concerns ?? [];
        // A veto is a permanent member's no on a substantive draft, so only those drafts take the record's veto rates.
        var recordVetoes = body == Body.SecurityCouncil && concerns.Length > 0 && (change?.CouncilModel ?? vote.CouncilModel ?? CouncilModelName.Record) == CouncilModelName.Record
            && (change?.Decision ?? vote.Decision ?? DecisionName.Substantive) == DecisionName.Substantive
            ? CouncilRecordVetoes.Forecast(date, concerns)
            : null;

        var concerned = change?.Concerns ?? vote.Concerns ?? [];
        var list = new List<VoteParticipant>(participants.Length);
        foreach (string code in participants)
        {
            var layers = Layers(document, variant, vote, change, code, date);
            MemberLean lean;
            MemberLean? withoutConcerns = null;
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
                lean = _members.Lean(code, layers, parameters, body, date, document.Timeline is not null);
                if (recordVetoes is not null && lean.Fixed is null && layers.Vote is null && !layers.HasProbabilities
                    && CouncilRecordVetoes.Probability(recordVetoes, code) is { } veto)
                {
                    withoutConcerns = lean;
                    lean = CouncilRecordVetoes.Lean(lean, veto, layers.Shift);
                }

                if (lean.Fixed is null)
                {
                    double shift = CoalitionShift(vote, variant, code, date);
                    lean = lean with { Mean = lean.Mean + shift };
                    withoutConcerns = withoutConcerns is { } plain ? plain with { Mean = plain.Mean + shift } : null;
                }
            }

            if (body == Body.GeneralAssembly && concerned.Length > 0 && lean.Fixed is null && !Named(code, document, vote, variant, change, date))
            {
                withoutConcerns = lean;
                lean = ConcernedParty(lean, code, concerned);
            }

            list.Add(new VoteParticipant(_context.RosterIndex[code], code, lean, PermanentMembersExtensions.FromCode(code), shockGroups.GroupsOf(shocks, code, date))
            {
                LeanWithoutConcerns = withoutConcerns is { } without && without != lean ? without : null,
            });
        }

        return list;
    }

    /// <summary>The members of the body that votes: the Council's (with a reform's new seats) or the Assembly's voting members.</summary>
    private string[] ParticipantCodes(VoteDocument vote, VariantVoteDocument? change, Body body, DateOnly date)
    {
        var reform = change?.Reform ?? vote.Reform;
        return body == Body.SecurityCouncil
            ? PermanentMembersExtensions.AllCodes
                .Concat(reform?.NewPermanent ?? [])
                .Concat(change?.Council ?? vote.Council ?? _context.Catalog.ElectedCouncilMembers(date.Year))
                .Concat(reform?.NewElected ?? [])
                .ToArray()
            : _context.Catalog.VotingMembersOn(date).Select(s => s.Code).ToArray();
    }

    /// <summary>A member's stacked member entries on this vote.</summary>
    private MemberLayers Layers(ScenarioDocument document, VariantDocument? variant, VoteDocument vote, VariantVoteDocument? change, string code, DateOnly date)
    {
        // A variant's entries for a member (its own or a group's, variant-wide or on this vote) replace the
        // baseline's entries for it, so `USA: {}` in a variant removes what the baseline set; within the variant
        // or the baseline the levels stack field by field, groups first, then the member's own entry.
        var sets = _context.MemberSets;
        if (!Named(code, document, vote, variant, change, date))
        {
            // Most members have no entry at any level: nothing to stack.
            return MemberLayers.Empty;
        }

        var variantEntries = sets.EntriesFor(variant?.Blocs, variant?.Members, code, date)
            .Concat(sets.EntriesFor(change?.Blocs, change?.Members, code, date)).ToArray();
        var entries = variantEntries.Length > 0
            ? variantEntries
            : sets.EntriesFor(document.Blocs, document.Members, code, date).Concat(sets.EntriesFor(vote.Blocs, vote.Members, code, date));
        return entries.Aggregate(MemberLayers.Empty, (stack, entry) => stack.Then(entry));
    }

    /// <summary>The shift of a member's lean from backlash, co-sponsorship and outreach on this vote.</summary>
    private double CoalitionShift(VoteDocument vote, VariantDocument? variant, string code, DateOnly date) =>
        (vote.Backlash is { } backlash ? _chains.Backlash(backlash, code, date) : 0)
        + _coalitions.Cosponsorship(vote.Cosponsors, code, date) + _coalitions.Cosponsorship(variant?.Cosponsors, code, date)
        + _coalitions.Outreach(vote.Outreach, code, date) + _coalitions.Outreach(variant?.Outreach, code, date);

    /// <summary>
    /// Whether the scenario names <paramref name="code"/> in a member layer of this vote, on its own or in a group
    /// under <c>blocs</c> (the scenario's own setting wins over the concerned-party effect).
    /// </summary>
    private bool Named(string code, ScenarioDocument document, VoteDocument vote, VariantDocument? variant, VariantVoteDocument? change, DateOnly date)
    {
        var sets = _context.MemberSets;
        return sets.HasEntryFor(document.Blocs, document.Members, code, date) || sets.HasEntryFor(vote.Blocs, vote.Members, code, date)
            || sets.HasEntryFor(variant?.Blocs, variant?.Members, code, date) || sets.HasEntryFor(change?.Blocs, change?.Members, code, date);
    }

    /// <summary>
    /// The concerned-party effect on an Assembly vote (docs/concerned-party.md): a concerned state votes with the
    /// estimated probabilities (keeping its absence rate); every other member's latent support shifts by the partner
    /// term at its position distance to the first concerned state.
    /// </summary>
    private MemberLean ConcernedParty(MemberLean lean, string code, string[] concerned)
    {
        var effect = ConcernedPartyEffect.Estimated1990To2009;
        if (concerned.Contains(code, StringComparer.Ordinal))
        {
            return effect.ConcernedLean() with { AbsenceProbability = lean.AbsenceProbability };
        }

        var own = _context.Catalog.Calibration.Find(code, _context.CalibrationYear);
        var target = _context.Catalog.Calibration.Find(concerned[0], _context.CalibrationYear);
        return own is null || target is null ? lean : lean with { Mean = lean.Mean + effect.PartnerShift(Math.Abs(own.Theta - target.Theta)) };
    }

    private void CheckCouncilDraft(VoteDocument vote, DateOnly date)
    {
        if (vote.Majority is not null)
        {
            _context.Error(vote, "majority", "'majority' is for General Assembly votes; a Council draft has 'decision: substantive' or 'procedural'");
        }

        if (vote.Estimator == EstimatorName.Sampled)
        {
            _context.Error(vote, "estimator", "the Council always uses the exact estimator; remove 'estimator'");
        }

        var catalog = _context.Catalog;
        if (vote.Council is not null)
        {
            _council.CheckCouncil(vote, "council", vote.Council, date);
        }
        else if (!catalog.CouncilYears.Contains(date.Year))
        {
            _context.Error(vote, vote.Date is null ? "body" : "date", $"the project knows the Council's elected members for {catalog.CouncilYears.Min()}-{catalog.CouncilYears.Max()}, not {date.Year}; list the ten elected members under 'council'");
        }

        if (vote.PartiesToDispute is not null)
        {
            _context.CheckCodes(vote.PartiesToDispute, date);
            if (vote.Chapter != CharterChapter.VI)
            {
                _context.Error(vote, "parties_to_dispute", "parties to a dispute abstain only under Chapter VI (Art. 27(3)); add 'chapter: VI' or remove 'parties_to_dispute'");
            }
        }
    }
}
