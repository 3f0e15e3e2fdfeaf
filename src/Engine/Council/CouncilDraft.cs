namespace StemSimulator.Engine.Council;

/// <summary>
/// A Security Council draft put to a vote, as the Council record model sees it.
/// </summary>
/// <param name="Year">Calendar year of the vote.</param>
/// <param name="Concerns">ISO3 codes of the states the text concerns (empty for a thematic text).</param>
/// <param name="Elected">ISO3 codes of the elected members sitting (usually ten).</param>
/// <param name="Vetoers">Permanent members that vetoed (empty when adopted or not yet voted).</param>
/// <param name="Votes">Each member's recorded vote, 'Y', 'A', 'N' or 'X' (non-voting), when known (adopted resolutions); null otherwise.</param>
public sealed record CouncilDraft(
    int Year,
    IReadOnlyList<string> Concerns,
    IReadOnlyList<string> Elected,
    IReadOnlyList<string> Vetoers,
    IReadOnlyDictionary<string, char>? Votes)
{
    /// <summary>
    /// A routine text: a mission's mandate or an admission (the record's topics mandate and admission). Only used
    /// when <see cref="CouncilModelOptions.SplitRoutine"/> is set.
    /// </summary>
    public bool Routine { get; init; }

    /// <summary>
    /// For each permanent member that has vetoed a draft concerning a state this draft concerns, the days from its
    /// latest such veto to this draft's vote (&gt;= 1; vetoes on the day of the vote or after it are not counted);
    /// members without such a veto are absent. Filled by <see cref="CouncilVetoHistory"/> from the record before the
    /// vote; used when <see cref="CouncilModelOptions.RecentVetoDays"/> is set.
    /// </summary>
    public IReadOnlyDictionary<string, int> DaysSinceVeto { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>True when a permanent member vetoed it.</summary>
    public bool Vetoed => Vetoers.Count > 0;
}
