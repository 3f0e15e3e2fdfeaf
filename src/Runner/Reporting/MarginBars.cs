using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// What the outcome chart of one vote draws: per margin (yes votes minus the yes votes needed in that trial), the
/// shares of held trials that adopted, were vetoed (Council drafts with enough yes votes) and fell short. The shares
/// come from the run's exact counts, so the adopted bars add up to the sampled P(adopted | held).
/// </summary>
/// <param name="Margins">Margins from the smallest to the largest drawn, each with its three shares (0 to 1 of held trials).</param>
/// <param name="HeldTrials">Trials in which the vote was held.</param>
internal sealed record MarginBars(IReadOnlyList<(int Margin, double Adopted, double Vetoed, double Short)> Margins, long HeldTrials)
{
    /// <summary>Share of held trials adopted: the sum of the adopted bars.</summary>
    public double AdoptedShare => Margins.Sum(m => m.Adopted);

    /// <summary>The bars of a vote's statistics, or null when the statistics predate margin histograms or the vote was never held.</summary>
    public static MarginBars? From(VoteStatisticsState state)
    {
        long held = state.MarginHistogram.Sum();
        if (state.MarginHistogram.Length == 0 || state.AdoptedMarginHistogram.Length != state.MarginHistogram.Length || held == 0)
        {
            return null;
        }

        int offset = VoteStatistics.MarginOffset(state.Vote.Count);
        int first = Array.FindIndex(state.MarginHistogram, c => c > 0);
        int last = Array.FindLastIndex(state.MarginHistogram, c => c > 0);

        // Keep the line between failing and passing (margin -1 | 0) inside the chart even when every trial is on one side.
        first = Math.Min(first, offset - 1);
        last = Math.Max(last, offset);
        var margins = new List<(int, double, double, double)>();
        for (int k = first; k <= last; k++)
        {
            long adopted = state.AdoptedMarginHistogram[k];
            long failed = state.MarginHistogram[k] - adopted;
            int margin = k - offset;
            margins.Add((margin, (double)adopted / held, margin >= 0 ? (double)failed / held : 0, margin >= 0 ? 0 : (double)failed / held));
        }

        return new MarginBars(margins, held);
    }
}
