using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>summary.parquet</c> (one row per variant and vote) and <c>member_probabilities.parquet</c> (one row
/// per variant, vote and member) from a run's statistics.
/// </summary>
internal static class SummaryTables
{
    public static async Task WriteSummaryAsync(SimulationResult result, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var votes = result.Votes;
        var data = RunTables.Summary.NewData();
        data.Add("variant", votes, s => s.Variant);
        data.Add("vote_id", votes, s => s.Vote.Id);
        data.Add("body", votes, s => s.Vote.Body.Code());
        data.Add("rule", votes, s => s.Vote.RuleName);
        data.Add("date", votes, s => s.Vote.Date);
        data.Add("year", votes, s => s.Vote.Date.Year);
        data.Add("estimator", votes, s => s.Vote.Estimator.Name());
        data.Add("members", votes, s => s.Vote.Count);
        data.Add("trials", votes, s => s.Trials);
        data.Add("p_adopted", votes, s => s.PAdopted);
        data.Add("p_adopted_se", votes, s => s.PAdoptedStandardError);
        data.Add("p_adopted_lo95", votes, s => s.Trials < 2 ? null : (double?)s.PAdoptedInterval95.Lower);
        data.Add("p_adopted_hi95", votes, s => s.Trials < 2 ? null : (double?)s.PAdoptedInterval95.Upper);
        data.Add("p_adopted_sampled", votes, s => s.PAdoptedSampled);
        data.Add("diff_vs_baseline", votes, s => s.HasPairedDifference ? s.DifferenceFromBaseline : (double?)null);
        data.Add("diff_se_paired", votes, s => s.HasPairedDifference ? s.DifferenceStandardErrorPaired : (double?)null);
        data.Add("diff_se_unpaired", votes, s => UnpairedStandardError(s, votes));
        data.Add("p_held", votes, s => s.PHeld);
        data.Add("p_adopted_given_held", votes, s => s.HeldCount == 0 ? (double?)null : s.PAdoptedGivenHeld);
        data.Add("p_adopted_given_trigger", votes, s => GivenTrigger(s, votes));
        data.Add("yes_mean", votes, s => s.HeldCount == 0 ? null : (double?)Mean(s.YesHistogram));
        data.Add("yes_p05", Quantiles(votes, s => s.YesHistogram, 0.05));
        data.Add("yes_p50", Quantiles(votes, s => s.YesHistogram, 0.50));
        data.Add("yes_p95", Quantiles(votes, s => s.YesHistogram, 0.95));
        data.Add("no_p05", Quantiles(votes, s => s.NoHistogram, 0.05));
        data.Add("no_p50", Quantiles(votes, s => s.NoHistogram, 0.50));
        data.Add("no_p95", Quantiles(votes, s => s.NoHistogram, 0.95));
        data.Add("abstain_p05", Quantiles(votes, s => s.AbstainHistogram, 0.05));
        data.Add("abstain_p50", Quantiles(votes, s => s.AbstainHistogram, 0.50));
        data.Add("abstain_p95", Quantiles(votes, s => s.AbstainHistogram, 0.95));
        data.Add("absent_p50", Quantiles(votes, s => s.AbsentHistogram, 0.50));
        data.Add("p_veto", CouncilOnly(votes, s => s.PVeto));
        data.Add("p_veto_decisive", CouncilOnly(votes, s => s.PVetoDecisive));
        data.Add("p_debate", CouncilOnly(votes, s => (double)s.DebateCount / s.Trials));
        for (int p = 0; p < PermanentMembersExtensions.AllCodes.Count; p++)
        {
            int member = p;
            data.Add($"p_veto_{PermanentMembersExtensions.AllCodes[p].ToLowerInvariant()}", CouncilOnly(votes, s => (double)s.VetoCountByMember[member] / s.Trials));
        }

        await TableWriter.WriteAsync(data, stream, provenance.ToTable(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one row per variant, vote and member: its probabilities and swing, with its name, regional group and
    /// blocs (on the vote's date) from <paramref name="catalog"/>, so a reader can group by them without a join.
    /// </summary>
    public static async Task WriteMembersAsync(SimulationResult result, ReferenceCatalog catalog, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var states = catalog.States.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var blocs = catalog.Blocs.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToArray();
        var rows = new List<MemberRow>();
        foreach (var vote in result.Votes)
        {
            for (int i = 0; i < vote.Vote.Count; i++)
            {
                rows.Add(new MemberRow(vote, vote.Member(i)));
            }
        }

        var data = RunTables.MemberProbabilities.NewData();
        data.Add("variant", rows, r => r.Stats.Variant);
        data.Add("vote_id", rows, r => r.Stats.Vote.Id);
        data.Add("member", rows, r => r.Member.Code);
        data.Add("name", rows, r => states.TryGetValue(r.Member.Code, out var state) ? state.Name : r.Member.Code);
        data.Add("regional_group", rows, r => MemberGroups.NameOf(states[r.Member.Code].Group));
        data.Add("blocs", rows, r => string.Join(' ', blocs.Where(b => b.Contains(r.Member.Code, r.Stats.Vote.Date)).Select(b => b.Name)));
        data.Add("p_yes", rows, r => r.Member.PYes);
        data.Add("p_abstain", rows, r => r.Member.PAbstain);
        data.Add("p_no", rows, r => r.Member.PNo);
        data.Add("p_absent", rows, r => r.Member.PAbsent);
        data.Add("swing", rows, r => r.Member.Swing);
        await TableWriter.WriteAsync(data, stream, provenance.ToTable(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For a vote that waits for an earlier vote: P(adopted | its first condition's trigger happened), e.g.
    /// P(follow-up adopted | veto) = P(adopted) / P(veto), since the follow-up is held only after the trigger. Null for
    /// votes without conditions or with several.
    /// </summary>
    private static double? GivenTrigger(VoteStatistics vote, IReadOnlyList<VoteStatistics> all)
    {
        if (vote.Vote.Triggers.Count != 1)
        {
            // With several conditions the trigger is their union, whose probability the statistics do not hold
            // (dividing by the first condition's alone gave shares above 1).
            return null;
        }

        var first = vote.Vote.Triggers[0];
        var trigger = all.First(s => s.Variant == vote.Variant && s.Vote.Id == first.VoteId);
        double p = first.Outcome switch
        {
            ConditionOutcome.Vetoed => trigger.PVeto,
            ConditionOutcome.Adopted => trigger.PAdoptedSampled,
            ConditionOutcome.Failed => trigger.PHeld - trigger.PAdoptedSampled,
            ConditionOutcome.Held => trigger.PHeld,
            _ => throw new InvalidOperationException($"Unknown condition {first.Outcome}."),
        };
        return p > 0 ? vote.PAdopted / p : null;
    }

    /// <summary>What the difference's standard error would be without common random numbers: sqrt(se_v^2 + se_0^2).</summary>
    private static double? UnpairedStandardError(VoteStatistics vote, IReadOnlyList<VoteStatistics> all)
    {
        if (!vote.HasPairedDifference)
        {
            return null;
        }

        var baseline = all.First(s => s.Vote.Id == vote.Vote.Id);
        return Math.Sqrt((vote.PAdoptedStandardError * vote.PAdoptedStandardError) + (baseline.PAdoptedStandardError * baseline.PAdoptedStandardError));
    }

    private static double Mean(long[] histogram)
    {
        double total = 0, weighted = 0;
        for (int k = 0; k < histogram.Length; k++)
        {
            total += histogram[k];
            weighted += (double)k * histogram[k];
        }

        return total == 0 ? double.NaN : weighted / total;
    }

    /// <summary>A count quantile per vote over the trials that held it; null for a vote never held (it has no counts, not counts of 0).</summary>
    private static int?[] Quantiles(IReadOnlyList<VoteStatistics> votes, Func<VoteStatistics, long[]> histogram, double q)
    {
        var quantiles = new int?[votes.Count];
        for (int i = 0; i < quantiles.Length; i++)
        {
            quantiles[i] = votes[i].HeldCount == 0 ? null : VoteStatistics.Quantile(histogram(votes[i]), q);
        }

        return quantiles;
    }

    private static double?[] CouncilOnly(IReadOnlyList<VoteStatistics> votes, Func<VoteStatistics, double> value)
    {
        var values = new double?[votes.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = votes[i].Vote.Body == Body.SecurityCouncil ? value(votes[i]) : null;
        }

        return values;
    }

    /// <summary>One row of member_probabilities.parquet: a member's statistics in one variant's vote.</summary>
    private sealed record MemberRow(VoteStatistics Stats, MemberVoteStatistics Member);
}
