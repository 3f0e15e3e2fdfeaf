using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Everything <see cref="VoteStatistics"/> holds, as plain data: integer counts and the raw 128-bit fixed-point
/// sums. Shards store it; adding the states of all shards gives exactly the state of the whole run.
/// </summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Vote">The vote.</param>
/// <param name="Trials">Trials counted.</param>
/// <param name="AdoptedCount">Trials adopted by the sampled votes.</param>
/// <param name="ExactSum">Raw <see cref="FixedPointSum"/> of the exact conditional probabilities.</param>
/// <param name="ExactSumOfSquares">Raw fixed-point sum of their squares.</param>
/// <param name="VetoCount">Trials with a veto.</param>
/// <param name="VetoDecisiveCount">Trials with a decisive veto.</param>
/// <param name="VetoCountByMember">Vetoes per permanent member (CHN, FRA, GBR, RUS, USA).</param>
/// <param name="YesHistogram">Trials per yes count.</param>
/// <param name="NoHistogram">Trials per no count.</param>
/// <param name="AbstainHistogram">Trials per abstention count.</param>
/// <param name="AbsentHistogram">Trials per absence count.</param>
/// <param name="MemberCounts">Per kind (yes, abstain, no, absent, pivotal) and participant: trials, kind-major.</param>
public sealed record VoteStatisticsState(
    string Variant,
    VoteDescription Vote,
    long Trials,
    long AdoptedCount,
    Int128 ExactSum,
    Int128 ExactSumOfSquares,
    long VetoCount,
    long VetoDecisiveCount,
    long[] VetoCountByMember,
    long[] YesHistogram,
    long[] NoHistogram,
    long[] AbstainHistogram,
    long[] AbsentHistogram,
    long[] MemberCounts)
{
    /// <summary>Trials in which the vote was held.</summary>
    public long HeldCount { get; init; }

    /// <summary>Held trials per path (entry 0 unconditional, entry c through condition c).</summary>
    public long[] PathCounts { get; init; } = [];

    /// <summary>Trials whose veto convened the Assembly's debate.</summary>
    public long DebateCount { get; init; }

    /// <summary>Debates per working day after the veto (entry k for day k).</summary>
    public long[] DebateDayCounts { get; init; } = new long[11];

    /// <summary>Whether the paired sums against the baseline were accumulated (what-if variants).</summary>
    public bool HasPairedDifference { get; init; }

    /// <summary>Raw fixed-point sum of the squared paired differences.</summary>
    public Int128 PairedSquares { get; init; }

    /// <summary>Raw fixed-point sum of the baseline's per-trial estimates.</summary>
    public Int128 PairedBaselineSum { get; init; }

    /// <summary>Held trials per margin (yes minus the yes needed in that trial), entry m + 2 members + 1; empty in files of older versions.</summary>
    public long[] MarginHistogram { get; init; } = [];

    /// <summary>Draws of the shared quantities of a variant conditioned on announced votes (0 otherwise; absent in files of older versions).</summary>
    public long GivenDraws { get; init; }

    /// <summary>Adopted trials per margin, indexed like <see cref="MarginHistogram"/>.</summary>
    public long[] AdoptedMarginHistogram { get; init; } = [];
}
