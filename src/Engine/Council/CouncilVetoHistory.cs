namespace StemSimulator.Engine.Council;

/// <summary>
/// Fills <see cref="CouncilDraft.DaysSinceVeto"/> from the record: what was known the day before each vote about the
/// permanent members' vetoes on the states a draft concerns.
/// </summary>
public static class CouncilVetoHistory
{
    /// <summary>
    /// The days from each permanent member's latest veto, among <paramref name="record"/>'s drafts voted before
    /// <paramref name="date"/> that concern a state in <paramref name="concerns"/>, to <paramref name="date"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, int> DaysSinceVeto(IEnumerable<(DateOnly Date, CouncilDraft Draft)> record, DateOnly date, IReadOnlyList<string> concerns)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(concerns);
        var days = new Dictionary<string, int>(StringComparer.Ordinal);
        if (concerns.Count == 0)
        {
            return days;
        }

        foreach (var (d, draft) in record)
        {
            if (d >= date || !draft.Vetoed || !draft.Concerns.Any(concerns.Contains))
            {
                continue;
            }

            int since = date.DayNumber - d.DayNumber;
            foreach (var m in draft.Vetoers)
            {
                days[m] = days.TryGetValue(m, out int known) ? Math.Min(known, since) : since;
            }
        }

        return days;
    }

    /// <summary>The record's drafts, each with <see cref="CouncilDraft.DaysSinceVeto"/> from the drafts voted before it.</summary>
    public static IReadOnlyList<(DateOnly Date, CouncilDraft Draft)> Annotate(IReadOnlyList<(DateOnly Date, CouncilDraft Draft)> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var vetoed = record.Where(r => r.Draft.Vetoed).ToList();
        return [.. record.Select(r => (r.Date, r.Draft with { DaysSinceVeto = DaysSinceVeto(vetoed, r.Date, r.Draft.Concerns) }))];
    }
}
