using StemSimulator.Engine.Model;

namespace StemSimulator.Runner.Output;

/// <summary>
/// One vote's P(adopted) over the analogs' plausible spreads: the run's own estimate and the estimates at the low and
/// at the high end of the range (<see cref="AssumptionBandState"/>); <see cref="Lower"/> and <see cref="Upper"/> are
/// the smallest and largest of the three, so the band always holds the run's figure.
/// </summary>
/// <param name="PAtLow">P(adopted) with every measured spread at the low end of its kind's range.</param>
/// <param name="PAtHigh">P(adopted) at the high end.</param>
/// <param name="Lower">The band's lower end, 0 to 1.</param>
/// <param name="Upper">The band's upper end, 0 to 1.</param>
/// <param name="Trials">Trials each end was estimated on (the run's first ones).</param>
/// <param name="SpreadLow">The vote's analog spread at the low end.</param>
/// <param name="SpreadHigh">The vote's analog spread at the high end.</param>
internal sealed record AdoptionBand(double PAtLow, double PAtHigh, double Lower, double Upper, long Trials, double SpreadLow, double SpreadHigh)
{
    /// <summary>Whether the low end is the run's own spread (its P(adopted) is the run's, over all its trials).</summary>
    public bool LowIsRun { get; init; }

    /// <summary>Whether the high end is the run's own spread.</summary>
    public bool HighIsRun { get; init; }

    /// <summary>The sd of the vote's analog shift in the run itself (the ends' <see cref="SpreadLow"/> and <see cref="SpreadHigh"/> are the same measure at the ends).</summary>
    public double RunSpread { get; init; } = double.NaN;

    /// <summary>
    /// "0.666 at spread 2.5 (first 20,000 trials), 0.642 at 3 (the run's own)", with <paramref name="format"/> for the
    /// probabilities. A vote drawn from its analog's population (<paramref name="population"/>) has no spread to set: its
    /// ends spread the population's anchor shifts about their mean, so they are said as the shift's sd and its ratio to
    /// the run's ("0.95 with the population's shifts 0.8 times as spread (shift sd 0.41; first 20,000 trials), ...").
    /// </summary>
    public string DescribeEnds(Func<double, string> format, bool population = false) =>
        population
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{format(PAtLow)} with the population's shifts {Ratio(SpreadLow)} times as spread (shift sd {SpreadLow:0.##}; {Source(LowIsRun)}), {format(PAtHigh)} at {Ratio(SpreadHigh)} times (shift sd {SpreadHigh:0.##}; {Source(HighIsRun)})")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{format(PAtLow)} at spread {SpreadLow:0.##} ({Source(LowIsRun)}), {format(PAtHigh)} at {SpreadHigh:0.##} ({Source(HighIsRun)})");

    /// <summary>"over spreads 2.5-3" or, for a population draw, "over the population's shifts 0.8-1.33 times as spread".</summary>
    public string DescribeRange(bool population) =>
        population
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"over the population's shifts {Ratio(SpreadLow)}-{Ratio(SpreadHigh)} times as spread as in the run")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"over spreads {SpreadLow:0.##}-{SpreadHigh:0.##}");

    private string Ratio(double sd) => RunSpread > 0 && !double.IsNaN(sd) ? (sd / RunSpread).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "?";

    private string Source(bool isRun) => isRun ? "the run's own" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"first {Trials:N0} trials");

    /// <summary>
    /// The band of <paramref name="variant"/>/<paramref name="voteId"/> around the run's <paramref name="pAdopted"/>, or
    /// null when the run has no band (nothing varied), the vote is not in it or its trials held no estimate.
    /// </summary>
    public static AdoptionBand? Of(RunStatistics? statistics, string variant, string voteId, double pAdopted)
    {
        if (statistics?.Band is not { Count: > 0 } band || double.IsNaN(pAdopted))
        {
            return null;
        }

        var low = End(AnalogSetting.Low);
        var high = End(AnalogSetting.High);
        if (low is null || high is null)
        {
            return null;
        }

        // A vote whose spread the band did not move (set by hand, or a kind whose range is one value) has no band.
        if (low.Value.Spread is null && high.Value.Spread is null)
        {
            return null;
        }

        long trials = low.Value.Spread is null ? high.Value.Trials : low.Value.Trials;
        return new AdoptionBand(low.Value.P, high.Value.P,
            Math.Min(pAdopted, Math.Min(low.Value.P, high.Value.P)),
            Math.Max(pAdopted, Math.Max(low.Value.P, high.Value.P)),
            trials, low.Value.Spread ?? high.Value.RunSpread, high.Value.Spread ?? low.Value.RunSpread)
        {
            LowIsRun = low.Value.Spread is null,
            HighIsRun = high.Value.Spread is null,
            RunSpread = double.IsNaN(low.Value.RunSpread) ? high.Value.RunSpread : low.Value.RunSpread,
        };

        // One end: its P(adopted) and spread, with a null spread where the end is the run's own (its figure is then the
        // run's, free of the band's Monte Carlo error); null when the end is missing or holds no estimate.
        (double P, double? Spread, double RunSpread, long Trials)? End(AnalogSetting setting)
        {
            var state = band.FirstOrDefault(b => b.Setting == setting);
            if (state is null)
            {
                return null;
            }

            var counts = state.Votes.FirstOrDefault(v => v.Variant == variant && v.VoteId == voteId);
            if (state.SameAsRun || (counts is not null && counts.Spread.Equals(counts.RunSpread)))
            {
                return (pAdopted, null, counts?.RunSpread ?? double.NaN, counts?.Trials ?? state.BandTrials);
            }

            return counts is null || double.IsNaN(counts.PAdopted) ? null : (counts.PAdopted, counts.Spread, counts.RunSpread, counts.Trials);
        }
    }
}
