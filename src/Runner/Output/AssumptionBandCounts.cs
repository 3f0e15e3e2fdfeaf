using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Output;

/// <summary>One vote's outcome counts at one end of the analogs' range.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="VoteId">Vote id.</param>
/// <param name="Exact">Whether P(adopted) is the mean exact conditional probability (else the share of adopting trials), as in the run.</param>
/// <param name="Trials">Trials counted.</param>
/// <param name="HeldCount">Trials in which the vote was held.</param>
/// <param name="AdoptedCount">Trials adopted by the sampled votes.</param>
/// <param name="ExactSum">Raw fixed-point sum of the exact conditional probabilities.</param>
internal sealed record AssumptionBandCounts(string Variant, string VoteId, bool Exact, long Trials, long HeldCount, long AdoptedCount, Int128 ExactSum)
{
    /// <summary>The vote's analog spread at this setting (0 without an analog).</summary>
    public double Spread { get; init; }

    /// <summary>The vote's analog spread in the run; equal to <see cref="Spread"/> when the setting does not move it (a spread set by hand).</summary>
    public double RunSpread { get; init; }

    /// <summary>P(adopted) by the run's own estimator; NaN without trials (a shard past the band's trials). Not stored: the counts are.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double PAdopted => Trials == 0 ? double.NaN
        : Exact ? FixedPointSum.FromRaw(ExactSum).Value / Trials
        : (double)AdoptedCount / Trials;

    /// <summary>The counts of several shards of one vote, added.</summary>
    public static AssumptionBandCounts Merge(IReadOnlyList<AssumptionBandCounts> parts)
    {
        var first = parts[0];
        if (parts.Any(p => p.Variant != first.Variant || p.VoteId != first.VoteId || p.Exact != first.Exact))
        {
            throw new ArgumentException($"Cannot add the band of '{first.Variant}/{first.VoteId}' to another vote's.", nameof(parts));
        }

        return first with
        {
            Trials = parts.Sum(p => p.Trials),
            HeldCount = parts.Sum(p => p.HeldCount),
            AdoptedCount = parts.Sum(p => p.AdoptedCount),
            ExactSum = parts.Aggregate(Int128.Zero, (sum, p) => sum + p.ExactSum),
        };
    }
}
