using Parquet.Schema;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;

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
        var columns = new List<(DataField Field, Array Values)>
        {
            (new DataField<string>("variant"), votes.Select(s => s.Variant).ToArray()),
            (new DataField<string>("vote_id"), votes.Select(s => s.Vote.Id).ToArray()),
            (new DataField<string>("body"), votes.Select(s => s.Vote.Body.Code()).ToArray()),
            (new DataField<string>("rule"), votes.Select(s => s.Vote.RuleName).ToArray()),
            (new DataField<DateTime>("date"), votes.Select(s => s.Vote.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).ToArray()),
            (new DataField<int>("year"), votes.Select(s => s.Vote.Date.Year).ToArray()),
            (new DataField<string>("estimator"), votes.Select(s => s.Vote.Estimator.Name()).ToArray()),
            (new DataField<int>("members"), votes.Select(s => s.Vote.Count).ToArray()),
            (new DataField<long>("trials"), votes.Select(s => s.Trials).ToArray()),
            (new DataField<double>("p_adopted"), votes.Select(s => s.PAdopted).ToArray()),
            (new DataField<double>("p_adopted_se"), votes.Select(s => s.PAdoptedStandardError).ToArray()),
            (new DataField<double>("p_adopted_lo95"), votes.Select(s => s.PAdoptedInterval95.Lower).ToArray()),
            (new DataField<double>("p_adopted_hi95"), votes.Select(s => s.PAdoptedInterval95.Upper).ToArray()),
            (new DataField<double>("p_adopted_sampled"), votes.Select(s => s.PAdoptedSampled).ToArray()),
            (new DataField<double?>("diff_vs_baseline"), votes.Select(s => s.HasPairedDifference ? s.DifferenceFromBaseline : (double?)null).ToArray()),
            (new DataField<double?>("diff_se_paired"), votes.Select(s => s.HasPairedDifference ? s.DifferenceStandardErrorPaired : (double?)null).ToArray()),
            (new DataField<double?>("diff_se_unpaired"), votes.Select(s => UnpairedStandardError(s, votes)).ToArray()),
            (new DataField<double>("p_held"), votes.Select(s => s.PHeld).ToArray()),
            (new DataField<double?>("p_adopted_given_held"), votes.Select(s => s.HeldCount == 0 ? (double?)null : s.PAdoptedGivenHeld).ToArray()),
            (new DataField<double?>("p_adopted_given_trigger"), votes.Select(s => GivenTrigger(s, votes)).ToArray()),
            (new DataField<double>("yes_mean"), votes.Select(s => Mean(s.YesHistogram)).ToArray()),
            (new DataField<int>("yes_p05"), Quantiles(votes, s => s.YesHistogram, 0.05)),
            (new DataField<int>("yes_p50"), Quantiles(votes, s => s.YesHistogram, 0.50)),
            (new DataField<int>("yes_p95"), Quantiles(votes, s => s.YesHistogram, 0.95)),
            (new DataField<int>("no_p05"), Quantiles(votes, s => s.NoHistogram, 0.05)),
            (new DataField<int>("no_p50"), Quantiles(votes, s => s.NoHistogram, 0.50)),
            (new DataField<int>("no_p95"), Quantiles(votes, s => s.NoHistogram, 0.95)),
            (new DataField<int>("abstain_p05"), Quantiles(votes, s => s.AbstainHistogram, 0.05)),
            (new DataField<int>("abstain_p50"), Quantiles(votes, s => s.AbstainHistogram, 0.50)),
            (new DataField<int>("abstain_p95"), Quantiles(votes, s => s.AbstainHistogram, 0.95)),
            (new DataField<int>("absent_p50"), Quantiles(votes, s => s.AbsentHistogram, 0.50)),
            (new DataField<double?>("p_veto"), CouncilOnly(votes, s => s.PVeto)),
            (new DataField<double?>("p_veto_decisive"), CouncilOnly(votes, s => s.PVetoDecisive)),
            (new DataField<double?>("p_debate"), CouncilOnly(votes, s => (double)s.DebateCount / s.Trials)),
        };
        for (int p = 0; p < PermanentMembersExtensions.AllCodes.Count; p++)
        {
            int member = p;
            columns.Add((new DataField<double?>($"p_veto_{PermanentMembersExtensions.AllCodes[p].ToLowerInvariant()}"),
                CouncilOnly(votes, s => (double)s.VetoCountByMember[member] / s.Trials)));
        }

        await WriteTableAsync(columns, stream, provenance, cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteMembersAsync(SimulationResult result, IReadOnlyDictionary<string, string> names, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = result.Votes
            .SelectMany(s => Enumerable.Range(0, s.Vote.Count).Select(i => (Stats: s, Member: s.Member(i))))
            .ToArray();
        var columns = new List<(DataField Field, Array Values)>
        {
            (new DataField<string>("variant"), rows.Select(r => r.Stats.Variant).ToArray()),
            (new DataField<string>("vote_id"), rows.Select(r => r.Stats.Vote.Id).ToArray()),
            (new DataField<string>("member"), rows.Select(r => r.Member.Code).ToArray()),
            (new DataField<string>("name"), rows.Select(r => names.GetValueOrDefault(r.Member.Code, r.Member.Code)).ToArray()),
            (new DataField<double>("p_yes"), rows.Select(r => r.Member.PYes).ToArray()),
            (new DataField<double>("p_abstain"), rows.Select(r => r.Member.PAbstain).ToArray()),
            (new DataField<double>("p_no"), rows.Select(r => r.Member.PNo).ToArray()),
            (new DataField<double>("p_absent"), rows.Select(r => r.Member.PAbsent).ToArray()),
            (new DataField<double>("swing"), rows.Select(r => r.Member.Swing).ToArray()),
        };
        await WriteTableAsync(columns, stream, provenance, cancellationToken).ConfigureAwait(false);
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

    private static int[] Quantiles(IReadOnlyList<VoteStatistics> votes, Func<VoteStatistics, long[]> histogram, double q) =>
        votes.Select(s => VoteStatistics.Quantile(histogram(s), q)).ToArray();

    private static double?[] CouncilOnly(IReadOnlyList<VoteStatistics> votes, Func<VoteStatistics, double> value) =>
        votes.Select(s => s.Vote.Body == Body.SecurityCouncil ? value(s) : (double?)null).ToArray();

    /// <summary>Writes the columns as one row group of a Parquet table with the run's provenance.</summary>
    internal static async Task WriteTableAsync(List<(DataField Field, Array Values)> columns, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        await using var writer = await ParquetFiles.CreateAsync(schema, stream, provenance, cancellationToken).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        foreach (var (field, values) in columns)
        {
            await (values switch
            {
                string[] s => group.WriteAsync(field, s),
                double[] d => group.WriteAsync(field, (ReadOnlyMemory<double>)d, null, null, cancellationToken),
                double?[] d => group.WriteAsync(field, (ReadOnlyMemory<double?>)d, null, null, cancellationToken),
                int[] i => group.WriteAsync(field, (ReadOnlyMemory<int>)i, null, null, cancellationToken),
                long[] l => group.WriteAsync(field, (ReadOnlyMemory<long>)l, null, null, cancellationToken),
                long?[] l => group.WriteAsync(field, (ReadOnlyMemory<long?>)l, null, null, cancellationToken),
                DateTime[] t => group.WriteAsync(field, (ReadOnlyMemory<DateTime>)t, null, null, cancellationToken),
                _ => throw new NotSupportedException(values.GetType().Name),
            }).ConfigureAwait(false);
        }
    }
}
