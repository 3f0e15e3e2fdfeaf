using System.Globalization;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// Turns a run's tables into a briefing: headline sentences with ranges in plain language, the three sources of
/// uncertainty kept apart (Monte Carlo error, member positions and shocks, the choice of analog vote), charts, and
/// the provenance. Sentences are built here, once, so the HTML and the Markdown say the same.
/// </summary>
internal sealed partial class BriefingBuilder(RunData run, ScenarioContext scenario)
{
    /// <summary>At most this many votes get their own charts (a scenario may have many).</summary>
    private const int ChartedVotes = 6;

    /// <summary>Members shown in a swing chart.</summary>
    private const int SwingMembers = 12;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private SummaryRow[] BaselineVotes => run.Summary.Where(r => r.Variant == run.Baseline).ToArray();

    private string[] Variants => run.Summary.Select(r => r.Variant).Concat(run.Candidates.Select(c => c.Variant)).Distinct(StringComparer.Ordinal).ToArray();

    public Briefing Build()
    {
        string name = run.Metadata.GetValueOrDefault("stemsim.scenario") ?? Path.GetFileName(Path.GetFullPath(run.Folder));
        var sections = new List<BriefingSection?>
        {
            Outcomes(),
            WhatIfs(),
            GroupsNamed(),
            Uncertainty(),
            Deciders(),
            Vetoes(),
            ConcernedPartySection.Build(run),
            Chains(),
            Elections(),
            VotingPower(),
            DriftSection.Build(run),
        };
        return new Briefing($"Briefing: {name}", scenario.Description, Headlines(), sections.OfType<BriefingSection>().ToArray(), Provenance())
        {
            Notes = Notes(),
        };
    }

    private List<string> Headlines()
    {
        var lines = new List<string>();
        foreach (var vote in BaselineVotes)
        {
            lines.Add(Headline(vote));
        }

        foreach (var election in run.Candidates.Where(c => c.Variant == run.Baseline).GroupBy(c => c.ElectionId))
        {
            lines.Add(ElectionHeadline(election.Key, election.ToArray()));
        }

        var whatIfs = run.Summary.Where(r => r.Variant != run.Baseline && r.DiffVsBaseline is not null).ToArray();
        var firstVote = BaselineVotes.Length > 0 ? BaselineVotes[0].VoteId : null;
        foreach (var row in whatIfs.Where(r => r.VoteId == firstVote).Take(4))
        {
            lines.Add($"What-if **{row.Variant}**{Describe(row.Variant)}: {row.VoteId} adoption {Wording.Odds(row.PAdopted)}: {Wording.Headline(row.PAdopted)}†, "
                + $"{Wording.Points(row.DiffVsBaseline!.Value, row.DiffSePaired)} against the baseline.");
        }

        return lines;
    }

    private string Headline(SummaryRow vote)
    {
        string subject = $"**{Title(vote.VoteId)}** ({Wording.Body(vote.Body)}, {Wording.Rule(vote.Rule)}, {vote.Date:yyyy-MM-dd})";
        string counts = $"{Wording.Range(vote.YesP05, vote.YesP95)} in favour, {Wording.Range(vote.NoP05, vote.NoP95)} against";
        string odds = $"adoption {Wording.Odds(vote.PAdopted)}: {Wording.Headline(vote.PAdopted)}†";
        if (Band(vote) is { } band)
        {
            odds += $" ({Wording.Band(band.Lower, band.Upper)}‡)";
        }

        if (IsConditional(vote))
        {
            if (vote.PHeld <= 0)
            {
                return $"{subject}: never held in the {Wording.Count(vote.Trials)} runs (it is held only if {Trigger(vote)}).";
            }

            string given = vote.PAdoptedGivenTrigger is { } p
                ? $"adopted in {Wording.About(p)} of the runs in which {Trigger(vote)}; overall {odds}"
                : odds;
            return $"{subject}: held in {Wording.About(vote.PHeld)} of runs; {given}; {counts} when held (90% range).";
        }

        string veto = string.Empty;
        if (vote.IsCouncil && vote.PVeto is { } pVeto && CouncilDecisions.Parse(vote.Rule) == CouncilDecision.Substantive)
        {
            var who = vote.PVetoByMember.Where(kv => kv.Value >= 0.01).OrderByDescending(kv => kv.Value)
                .Select(kv => $"{Wording.Permanent(kv.Key)} {Wording.Percent(kv.Value)}").ToArray();
            veto = $"; vetoed in {Wording.About(pVeto)} of runs" + (who.Length > 0 ? $" ({string.Join(", ", who)})" : string.Empty);
        }

        return $"{subject}: {odds}{veto}; {counts} (90% range).";
    }

    /// <summary>The vote's band over the analog's plausible spread, or null when the run has none for it.</summary>
    private Output.AdoptionBand? Band(SummaryRow vote) => Output.AdoptionBand.Of(run.Statistics, vote.Variant, vote.VoteId, vote.PAdopted);

    /// <summary>
    /// The footnote on the headlines' percentages: their Monte Carlo error, which more trials shrink and which is not
    /// the uncertainty of the outcome.
    /// </summary>
    private List<string> Notes()
    {
        var votes = BaselineVotes;
        if (votes.Length == 0)
        {
            return [];
        }

        var errors = votes.Select(v => v.Trials < 2 || double.IsNaN(v.PAdoptedSe)
            ? $"{v.VoteId}: none can be given from {Wording.Count(v.Trials)} run"
            : string.Create(Invariant, $"{v.VoteId} ± {v.PAdoptedSe * 196:0.0#} points"));
        return [$"† Each percentage is a share of {Wording.Count(votes[0].Trials)} simulated runs; its Monte Carlo error (95%) is "
            + string.Join("; ", errors) + ". More trials shrink this error; it is not the uncertainty of the outcome, which the ranges and the "
            + "section \"Sources of uncertainty\" describe. The words follow fixed bands: under 1% remote, under 10% very unlikely, under 33% "
            + "unlikely, under 45% less likely than not, 45-55% about even odds, up to 67% more likely than not, up to 90% likely, up to 99% very likely, above 99% almost certain.",
            .. BandNote(votes)];
    }

    /// <summary>The footnote on the bands: what was varied, how, and what was not.</summary>
    private List<string> BandNote(SummaryRow[] votes)
    {
        var bands = votes.Select(v => (Vote: v, Band: Band(v))).Where(b => b.Band is not null).ToArray();
        if (bands.Length == 0)
        {
            return [];
        }

        var ends = bands.Select(b => $"{b.Vote.VoteId}: {b.Band!.DescribeEnds(Wording.Percent, scenario.PopulationDrawn.Contains(b.Vote.VoteId))}");
        return [$"‡ The band reruns the vote with the analog's spread (how far the text may be from its analog) at both ends of the range the "
            + "record supports for the analog's kind: the spreads chosen in the central 90% of bootstrap resamples of the 2000-2009 roll calls "
            + $"(docs/calibration.md). Each end uses the run's first {Wording.Count(bands[0].Band!.Trials)} trials with the same random numbers (an end at the run's own spread is the run's figure); "
            + "the band runs from the lowest to the highest of the two ends and the run's own figure (" + string.Join("; ", ends) + "). "
            + "The analog itself and the sizes of the shocks stay as the run has them: the calibration gives no standard errors for the shock sizes."];
    }

    private static string ElectionHeadline(string electionId, CandidateRow[] candidates)
    {
        var groups = candidates.GroupBy(c => c.SeatGroup).Select(g =>
        {
            var first = g.First();
            var names = g.OrderByDescending(c => c.PElected).Where(c => c.PElected >= 0.005)
                .Select((c, i) => $"{c.Name}{(i == 0 ? " elected in " : " ")}{Wording.PercentRange(c.PElected - (1.96 * c.PElectedSe), c.PElected + (1.96 * c.PElectedSe))}{(i == 0 ? " of runs" : string.Empty)}");
            string seats = first.Seats == 1 ? "1 seat" : string.Create(Invariant, $"{first.Seats} seats");
            string ballots = first.RoundsP50 == 1 ? "median 1 ballot" : string.Create(Invariant, $"median {first.RoundsP50} ballots");
            return string.Create(Invariant, $"{g.Key}, {seats}: {string.Join(", ", names)}; {ballots} (90%: up to {first.RoundsP90})");
        });
        return $"**{electionId}** ({ElectionBodyName(candidates[0].Body)} election): {string.Join("; ", groups)}.";
    }

    private BriefingSection? Deciders()
    {
        var blocks = new List<BriefingBlock>();
        foreach (var vote in BaselineVotes.Where(v => v.PHeld > 0).Take(ChartedVotes))
        {
            var top = run.Members.Where(m => m.Variant == vote.Variant && m.VoteId == vote.VoteId && m.Swing > 0)
                .OrderByDescending(m => m.Swing).ThenBy(m => m.Member, StringComparer.Ordinal).Take(SwingMembers).ToArray();
            if (top.Length == 0)
            {
                continue;
            }

            // The swing is a share of the held trials (those in which the member's vote was pivotal), so its Monte Carlo
            // standard error is binomial; members whose swings differ by less than twice the error of the difference
            // are not ranked by the run, only listed.
            long held = (long)Math.Round(vote.PHeld * vote.Trials);
            double Se(MemberRow m) => Output.SwingNoise.StandardError(m.Swing, held);
            var within = top.Skip(1).Take(Output.SwingNoise.WithinNoiseOfTop(top.Select(m => m.Swing).ToArray(), held)).ToArray();
            string noise = within.Length == 0 ? string.Empty
                : $" The run cannot rank {top[0].Member} above {string.Join(", ", within.Select(m => m.Member))}: their swings differ by less than twice the Monte Carlo error of the difference, so another seed or trial count may list them in another order.";
            blocks.Add(ChartRenderer.Swing(vote.VoteId, top, top.Select(Se).ToArray(),
                $"{(top.Length == 1 ? "The member" : string.Create(Invariant, $"The {top.Length} members"))} whose vote most often decides {vote.VoteId}: swing is P(adopted | the member votes yes) minus "
                + "P(adopted | it votes no), everyone else voting as simulated, with its Monte Carlo standard error (±). P(yes) says how the member is likely to vote: a large swing with "
                + "a middling P(yes) marks a member worth talking to." + noise));
        }

        return blocks.Count == 0 ? null : new BriefingSection("Who decides it", blocks);
    }

    private BriefingSection? Vetoes()
    {
        var blocks = new List<BriefingBlock>();
        foreach (var vote in BaselineVotes.Where(v => v.IsCouncil && CouncilDecisions.Parse(v.Rule) == CouncilDecision.Substantive && v.PVetoByMember.Count > 0 && v.PHeld > 0).Take(ChartedVotes))
        {
            string decisive = vote.PVetoDecisive is { } d && vote.PVeto is { } v && v > 0
                ? $" A veto is decisive (the draft had nine or more yes votes) in {Wording.About(d / v)} of the vetoed runs."
                : string.Empty;
            string debate = vote.PDebate is { } p && p > 0
                ? $" Under A/RES/76/262 the General Assembly meets within ten working days of a veto: {Wording.About(p)} of runs."
                : string.Empty;
            blocks.Add(ChartRenderer.VetoByPermanentMember(vote.VoteId, vote.PVetoByMember, vote.Trials,
                $"How often each permanent member vetoes {vote.VoteId} (a no vote by a permanent member on a substantive draft; abstention is no veto), with 95% intervals.{decisive}{debate}"));
        }

        return blocks.Count == 0 ? null : new BriefingSection("The veto", blocks);
    }

    /// <summary>Who the scenario's groups are on the votes' dates, so a reader can check "the African Group except Nigeria" member by member.</summary>
    private BriefingSection? GroupsNamed() =>
        scenario.Groups.Count == 0 ? null : new BriefingSection("Groups named", [
            new Paragraph("Where the scenario names members by group (blocs and UN regional groups, with their exceptions), the voting members each covers on the vote's date:"),
            new BulletList(scenario.Groups),
        ]);

    private BriefingSection? Chains()
    {
        var chained = BaselineVotes.Where(IsConditional).ToArray();
        if (chained.Length == 0)
        {
            return null;
        }

        var items = chained.Select(v =>
            $"**{v.VoteId}** waits until {Trigger(v)}: held in {Wording.Percent(v.PHeld)} of runs, adopted in {Wording.Percent(v.PAdopted)} of all runs"
            + (v.PAdoptedGivenTrigger is { } t ? $", in {Wording.Percent(t)} of the runs in which {Trigger(v)}" : string.Empty)
            + (v.PAdoptedGivenHeld is { } h ? $" and in {Wording.Percent(h)} of those in which it was held." : ".")).ToArray();
        return new BriefingSection("After the trigger", [
            new BulletList(items),
            ChartRenderer.Chain(chained, "For each vote that waits for an earlier outcome: how often it is held, how often it is adopted over all runs, how often given that its trigger (for example the veto) happened (for a vote with a single condition), and how often when it is held."),
        ]);
    }

    private BriefingSection? Elections()
    {
        if (run.Candidates.Count == 0)
        {
            return null;
        }

        var blocks = new List<BriefingBlock>();
        bool variants = run.Candidates.Select(c => c.Variant).Distinct(StringComparer.Ordinal).Count() > 1;
        var headers = new List<string>();
        if (variants)
        {
            headers.Add("variant");
        }

        headers.AddRange(["election", "seat group", "candidate", "P(elected)", "first ballot", "ballots (median, 90%)"]);
        var rows = run.Candidates.OrderBy(c => VariantOrder(c.Variant)).Select(c =>
        {
            var cells = new List<string>();
            if (variants)
            {
                cells.Add(c.Variant);
            }

            cells.AddRange([c.ElectionId, string.Create(Invariant, $"{c.SeatGroup} ({c.Seats})"), $"{c.Candidate} {c.Name}{(c.Compromise ? " (compromise)" : string.Empty)}",
                string.Create(Invariant, $"{Wording.Percent(c.PElected)} ± {c.PElectedSe * 100:0.0}"), Wording.Percent(c.PElectedFirstBallot),
                string.Create(Invariant, $"{c.RoundsP50} (up to {c.RoundsP90})")]);
            return (IReadOnlyList<string>)cells;
        }).ToArray();
        blocks.Add(new BriefingTable(headers, rows, headers.Select(h => h.StartsWith('P') || h.StartsWith("first", StringComparison.Ordinal) || h.StartsWith("ballots", StringComparison.Ordinal)).ToArray()));
        foreach (var election in run.Candidates.Where(c => c.Variant == run.Baseline).GroupBy(c => c.ElectionId).Take(ChartedVotes))
        {
            var candidates = election.OrderBy(c => c.SeatGroup, StringComparer.Ordinal).ThenByDescending(c => c.PElected).ToArray();
            blocks.Add(ChartRenderer.Election(election.Key, candidates,
                $"P(elected) per candidate of {election.Key} (baseline), ballot by ballot under the General Assembly's rules; grey bars are compromise candidates who enter only after a withdrawal. Whiskers: 95% Monte Carlo interval."));
        }

        return new BriefingSection("Elections", blocks);
    }

    private BriefingSection? VotingPower()
    {
        if (run.Power.Count == 0)
        {
            return null;
        }

        var seats = run.Power.GroupBy(p => (p.Council, p.MemberType))
            .Select(g => (Label: $"{g.Key.Council}: {g.Key.MemberType} ({g.Count()})", g.First().ShapleyShubik))
            .ToArray();
        return new BriefingSection("Voting power", [
            new Paragraph("A priori voting power of one seat of each type (exact; from power.parquet): the share of the orders in which members "
                + "could join a coalition where that seat turns it from losing to winning. It is about the rules, not about how members vote."),
            ChartRenderer.Power(seats, "Shapley-Shubik power per seat, by council model and seat type (number of such seats in brackets)."),
        ]);
    }

    private List<KeyValuePair<string, string>> Provenance()
    {
        var m = run.Metadata;
        string Get(string key) => m.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : "not recorded";
        var list = new List<KeyValuePair<string, string>>
        {
            new("scenario", Get("stemsim.scenario")),
            new("scenario file", Get("stemsim.scenario_file")),
            new("scenario SHA-256", Get("stemsim.scenario_sha256")),
            new("seed", Get("stemsim.seed")),
            new("trials", long.TryParse(Get("stemsim.trials"), NumberStyles.Integer, Invariant, out long t) ? Wording.Count(t) : Get("stemsim.trials")),
            new("shard", Get("stemsim.shard")),
            new("engine version", Get("stemsim.engine_version")),
            new("git commit", Get("stemsim.git_commit")),
            new("run started (UTC)", Get("stemsim.created_utc")),
            new("data vintage (member positions)", Get("stemsim.positions")),
            new("run folder", run.Folder),
        };
        if (m.TryGetValue("stemsim.positions_age", out var age) && age.Length > 0)
        {
            list.Insert(list.Count - 1, new("age of the positions per vote", age));
        }

        return list;
    }

    private string Title(string voteId) => scenario.Titles.TryGetValue(voteId, out var title) ? $"{voteId}: {title}" : voteId;

    private string Describe(string variant) =>
        scenario.Variants.TryGetValue(variant, out var changes) && !string.IsNullOrEmpty(changes.Description) ? $" ({changes.Description.TrimEnd('.')})" : string.Empty;

    private string Changes(string variant) =>
        !scenario.Variants.TryGetValue(variant, out var changes) ? "(scenario file not available)"
        : changes.Changes.Count > 0 ? string.Join("; ", changes.Changes)
        : changes.Description ?? "-";

    private VoteStatisticsState? StateOf(SummaryRow vote) =>
        run.Statistics?.Votes.FirstOrDefault(v => v.Variant == vote.Variant && v.Vote.Id == vote.VoteId);

    /// <summary>Whether the vote waits for an earlier outcome (by the run's statistics, else by its shares).</summary>
    private bool IsConditional(SummaryRow vote) => StateOf(vote) is { } state ? state.Vote.Triggers.Count > 0 : vote.IsConditional;

    private string Trigger(SummaryRow vote)
    {
        var state = run.Statistics?.Votes.FirstOrDefault(v => v.Variant == vote.Variant && v.Vote.Id == vote.VoteId);
        if (state is null || state.Vote.Triggers.Count == 0)
        {
            return scenario.Triggers.GetValueOrDefault(vote.VoteId) ?? "its trigger happened";
        }

        return string.Join(" or ", state.Vote.Triggers.Select(trigger => trigger.VoteId + trigger.Outcome switch
        {
            ConditionOutcome.Vetoed => " is vetoed",
            ConditionOutcome.Adopted => " is adopted",
            ConditionOutcome.Failed => " fails",
            ConditionOutcome.Held => " is held",
            _ => throw new InvalidOperationException($"Unknown condition {trigger.Outcome}."),
        }));
    }

    private int VoteOrder(string voteId)
    {
        int index = BaselineVotes.Select(v => v.VoteId).ToList().IndexOf(voteId);
        return index < 0 ? int.MaxValue : index;
    }

    private int VariantOrder(string variant)
    {
        int index = Variants.ToList().IndexOf(variant);
        return index < 0 ? int.MaxValue : index;
    }

    private static string ElectionBodyName(string body) => body switch
    {
        "HRC" => "Human Rights Council",
        "SC" => "Security Council",
        _ => throw new InvalidDataException($"'{body}' is not an election body stemsim writes (SC or HRC)"),
    };
}
