using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Runner.Reporting;

/// <summary>The briefing's sections on the outcome of each vote, the what-ifs and the uncertainty of the analogs.</summary>
internal sealed partial class BriefingBuilder
{
    private BriefingSection? Outcomes()
    {
        if (run.Summary.Count == 0)
        {
            return null;
        }

        var blocks = new List<BriefingBlock>
        {
            new Paragraph("P(adopted) is the share of simulated runs in which the vote passes under the Charter's rule; its interval is "
                + "only the Monte Carlo uncertainty of that share (none from a single run). The counts are 90% ranges over the runs in which the "
                + "vote was held (\"-\" for a vote never held)."),
            OutcomeTable(),
        };
        // Announced votes change what every figure of the vote means: said under the table.
        foreach (var state in run.Statistics?.Votes ?? [])
        {
            if (Running.GivenSummary.Sentence(state.Vote, state.Trials, state.GivenDraws) is { } given)
            {
                blocks.Add(new Paragraph($"{state.Vote.Id}{(Variants.Length > 1 ? $" ({state.Variant})" : string.Empty)}: {given}."));
            }
        }

        foreach (var vote in BaselineVotes.Where(v => v.PHeld > 0).Take(ChartedVotes))
        {
            if (OutcomeChart(vote) is { } chart)
            {
                blocks.Add(chart);
            }
        }

        return new BriefingSection("Outcome", blocks);
    }

    /// <summary>One row per vote and variant: rule, P(adopted), its interval, the count ranges and (Council) P(veto).</summary>
    private BriefingTable OutcomeTable()
    {
        bool council = run.Summary.Any(r => r.IsCouncil);
        bool variants = Variants.Length > 1;
        var headers = new List<string> { "vote" };
        if (variants)
        {
            headers.Add("variant");
        }

        headers.AddRange(["rule", "P(adopted)", "95% interval", "yes (90%)", "no (90%)", "abstain (90%)"]);
        if (council)
        {
            headers.Add("P(veto)");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var r in run.Summary.OrderBy(r => VoteOrder(r.VoteId)).ThenBy(r => VariantOrder(r.Variant)))
        {
            var cells = new List<string> { r.VoteId };
            if (variants)
            {
                cells.Add(r.Variant);
            }

            cells.AddRange([
                $"{r.Body} {Wording.Rule(r.Rule)}",
                Wording.Percent(r.PAdopted),
                Interval(r),
                Wording.Range(r.YesP05, r.YesP95),
                Wording.Range(r.NoP05, r.NoP95),
                Wording.Range(r.AbstainP05, r.AbstainP95),
            ]);
            if (council)
            {
                cells.Add(r.PVeto is { } v ? Wording.Percent(v) : "-");
            }

            rows.Add(cells);
        }

        return new BriefingTable(headers, rows, headers.Select(h => h.StartsWith('P') || h.Contains('%', StringComparison.Ordinal) || h.Contains("90%", StringComparison.Ordinal)).ToArray());
    }

    /// <summary>The 95% Monte Carlo interval as the table writes it; a single run has none.</summary>
    private static string Interval(SummaryRow r) => r.Trials < 2 || double.IsNaN(r.PAdoptedLo95) || double.IsNaN(r.PAdoptedHi95)
        ? "- (one run)"
        : string.Create(Invariant, $"{r.PAdoptedLo95 * 100:0.0}-{r.PAdoptedHi95 * 100:0.0}%");

    private Chart? OutcomeChart(SummaryRow vote)
    {
        if (StateOf(vote) is not { } state || MarginBars.From(state) is not { } bars)
        {
            return null;
        }

        string xLabel;
        string rule;
        if (vote.IsCouncil)
        {
            int quota = state.Vote.Quota;
            xLabel = string.Create(Invariant, $"yes votes minus the {quota} needed");
            rule = CouncilDecisions.Parse(vote.Rule) == CouncilDecision.Substantive
                ? string.Create(Invariant, $"By the Council's rule a substantive draft needs {quota} yes votes and no veto: runs left of the dashed line had too few yes votes (grey), runs right of it were adopted (green) unless a permanent member voted no (red).")
                : string.Create(Invariant, $"A procedural decision needs {quota} yes votes and knows no veto: runs right of the dashed line were adopted (green).");
        }
        else
        {
            xLabel = "yes votes minus the yes votes needed in that run";
            rule = string.Create(Invariant,
                $"The Assembly's threshold moves with each run's no votes ({MajorityRules.Parse(vote.Rule).ThresholdDescription()}), so the chart counts the margin over the threshold of that run: right of the dashed line adopted (green), left of it failed (grey).");
        }

        string share = vote.PHeld < 1
            ? $"The green bars add up to {Wording.Percent(bars.AdoptedShare)} of the runs in which it was held (P(adopted | held))."
            : $"The green bars add up to {Wording.Percent(bars.AdoptedShare)}, P(adopted)"
              + (state.Vote.Estimator == OutcomeEstimator.ExactConditional
                  ? $" by the sampled votes; the table's {Wording.Percent(vote.PAdopted)} is the exact estimator's, which agrees within Monte Carlo error."
                  : ".");
        string caption = $"What decides {vote.VoteId} in each run, as a share of the runs in which it was held. {rule} {share} "
            + "The spread comes from the members' uncertain positions, the shared shocks and the distance from the analog, not from the number of trials.";
        return ChartRenderer.Outcome(vote.VoteId, bars, xLabel, caption);
    }

    private BriefingSection? WhatIfs()
    {
        if (run.Summary.Count == 0 || Variants.Length < 2)
        {
            return null;
        }

        var blocks = new List<BriefingBlock>
        {
            new Paragraph("Each what-if runs on the same random numbers as the baseline (common random numbers), so its difference from the "
                + "baseline is measured far more precisely than the two probabilities separately: the paired standard error is given in brackets."),
        };
        var headers = new[] { "variant", "what it changes", "vote", "P(adopted)", "vs baseline (± paired s.e.)" };
        var rows = run.Summary.Where(r => r.Variant != run.Baseline)
            .OrderBy(r => VariantOrder(r.Variant)).ThenBy(r => VoteOrder(r.VoteId))
            .Select(r => (IReadOnlyList<string>)[r.Variant, Changes(r.Variant), r.VoteId, Wording.Percent(r.PAdopted),
                r.DiffVsBaseline is { } d ? Wording.Points(d, r.DiffSePaired) : "-"])
            .ToArray();
        blocks.Add(new BriefingTable(headers, rows, [false, false, false, true, true]));
        foreach (var vote in BaselineVotes.Take(ChartedVotes))
        {
            var rowsOfVote = run.Summary.Where(r => r.VoteId == vote.VoteId).OrderBy(r => VariantOrder(r.Variant)).ToArray();
            if (rowsOfVote.Length < 2)
            {
                continue;
            }

            blocks.Add(ChartRenderer.AdoptionByVariant(vote.VoteId, rowsOfVote,
                $"P(adopted) of {vote.VoteId} in the baseline (dark) and each what-if, with the 95% Monte Carlo interval of each estimate."));
        }

        return new BriefingSection("What-ifs", blocks);
    }

    private BriefingSection? Uncertainty()
    {
        if (run.Summary.Count == 0)
        {
            return null;
        }

        var blocks = new List<BriefingBlock>
        {
            new Paragraph("Three sources of uncertainty are kept apart here. **Monte Carlo error** comes from simulating a finite number of runs; "
                + "more trials shrink it. **Member positions and shocks** (each member's calibrated position drawn from its standard error, "
                + "plus shocks shared by all members or by blocs) make the counts vary from run to run; P(adopted) already averages over them, "
                + "and more trials do not shrink them. **The choice of analog vote** (the recorded roll call whose parameters a vote borrows) is an "
                + "assumption of the scenario. " + AnalogVariation()),
        };
        var rows = new List<IReadOnlyList<string>>();
        foreach (var vote in BaselineVotes)
        {
            string monteCarlo = vote.Trials < 2 || double.IsNaN(vote.PAdoptedSe)
                ? $"none can be given from {Wording.Count(vote.Trials)} run"
                : string.Create(Invariant, $"± {vote.PAdoptedSe * 100:0.00} points (s.e., {Wording.Count(vote.Trials)} trials); 95%: {Interval(vote)}");
            string members = $"yes {Wording.Range(vote.YesP05, vote.YesP95)}, no {Wording.Range(vote.NoP05, vote.NoP95)}, abstain {Wording.Range(vote.AbstainP05, vote.AbstainP95)} (90% ranges)";
            rows.Add([vote.VoteId, monteCarlo, members, AnalogAssumption(vote.VoteId)]);
        }

        blocks.Add(new BriefingTable(["vote", "Monte Carlo error", "member positions and shocks", "choice of analog vote (an assumption)"], rows, [false, false, false, false]));
        blocks.Add(AnalogSensitivity());
        return new BriefingSection("Sources of uncertainty", blocks);
    }

    /// <summary>What the run did about the distance between each text and its analog, in words that match the run.</summary>
    private string AnalogVariation()
    {
        if (scenario.Problem is not null)
        {
            return "Whether the run drew a distance from the analog cannot be said without the scenario file.";
        }

        var spreads = BaselineVotes.Select(v => scenario.AnalogSpreads.TryGetValue(v.VoteId, out double s) ? s : double.NaN).ToArray();
        bool banded = BaselineVotes.Any(v => Band(v) is not null);
        string fixedPart = banded
            ? "The band next to each headline (‡) reruns the votes with each measured spread at both ends of the range the record supports for "
                + "its kind; the analog itself and the sizes of the shocks stay fixed, so only what-ifs with other analogs or shifted support show how much they matter."
            : "The run holds the analog itself, the spread and the sizes of the shocks fixed, so it gives no band over these assumptions; "
                + "only what-ifs with other analogs or shifted support show how much they matter.";
        if (spreads.All(s => s == 0) && !BaselineVotes.Any(v => scenario.PopulationDrawn.Contains(v.VoteId)))
        {
            return "The votes take explicit parameters, which the run does not vary at all. " + fixedPart;
        }

        if (BaselineVotes.Any(v => scenario.PopulationDrawn.Contains(v.VoteId)))
        {
            return "For a vote whose analog shares only its subject or its issue area with the new text, the run draws the text in each run as any "
                + "of the recorded texts of that kind around the analog (the table says which and how many), each anchored on its recorded yes count; "
                + "for any other analog it draws a shift of every member's support with the analog's "
                + "spread as its standard deviation. P(adopted) and the ranges already include that much distance. " + fixedPart;
        }

        return "For a vote with an analog the run draws in each run a shift of every member's support with the analog's spread as its standard "
            + "deviation (the distance between the new text and its analog; the table gives each vote's), so P(adopted) and the ranges already "
            + "include that much distance. " + fixedPart;
    }

    private string AnalogAssumption(string voteId)
    {
        if (scenario.Problem is not null)
        {
            return $"not described: {scenario.Problem}";
        }

        if (!scenario.Analogs.TryGetValue(voteId, out var analog))
        {
            return "not in the scenario file";
        }

        var vote = BaselineVotes.FirstOrDefault(v => v.VoteId == voteId);
        string band = vote is not null && Band(vote) is { } b
            ? string.Create(Invariant, $"; P(adopted) {Wording.Percent(b.Lower)}-{Wording.Percent(b.Upper)} {b.DescribeRange(scenario.PopulationDrawn.Contains(voteId))}")
            : string.Empty;
        return (scenario.AnalogSpreads.TryGetValue(voteId, out double spread) && spread > 0) || scenario.PopulationDrawn.Contains(voteId)
            ? $"{analog}; drawn with {scenario.AnalogSpreadSources.GetValueOrDefault(voteId) ?? string.Create(Invariant, $"spread {spread:0.###}")}{band}"
            : $"{analog}; not varied";
    }

    private Paragraph AnalogSensitivity()
    {
        var sensitive = scenario.Variants.Where(v => v.Value.ChangesAnalog || v.Value.ChangesSupport).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var rows = run.Summary.Where(r => sensitive.Contains(r.Variant) && r.DiffVsBaseline is not null).ToArray();
        if (scenario.Problem is not null)
        {
            return new Paragraph($"The analog votes could not be listed ({scenario.Problem}). Whatever they are, they are assumptions: the run holds them fixed.");
        }

        if (rows.Length == 0)
        {
            return new Paragraph("No what-if of this scenario takes another analog vote or shifts members' support, so this briefing cannot say how much "
                + "the choice of analog matters, and it is often the largest of the three. To see it, add a variant such as "
                + "`votes: { <vote id>: { like: { vote: <another symbol>, shift: 0.2 } } }`.");
        }

        var parts = rows.Select(r => $"**{r.Variant}** ({Changes(r.Variant)}) moves {r.VoteId} by {Wording.Points(r.DiffVsBaseline!.Value, r.DiffSePaired)}");
        return new Paragraph("The analog vote and members' support are assumptions; the what-ifs that change them show how much they matter: "
            + string.Join("; ", parts) + ".");
    }
}
