namespace StemSimulator.Engine.Elections;

/// <summary>
/// Everything an <see cref="ElectionTally"/> of one variant counts, as plain data (named after the tally's arrays), so
/// shards can store it and the states of all shards add up exactly to the whole run's.
/// </summary>
/// <param name="Variant">Variant name.</param>
/// <param name="ElectionId">The election's id.</param>
/// <param name="Trials">Trials counted.</param>
/// <param name="Counts">The tally's count arrays in the order of <see cref="ElectionTally.CountNames"/>.</param>
public sealed record ElectionTallyState(string Variant, string ElectionId, long Trials, IReadOnlyList<long[]> Counts)
{
    /// <summary>Seat groups of the election (the length of its per-group counts).</summary>
    public int SeatGroups => Counts.Count > 5 ? Counts[5].Length : 0;
}
