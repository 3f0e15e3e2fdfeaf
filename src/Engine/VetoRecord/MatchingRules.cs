namespace StemSimulator.Engine.VetoRecord;

/// <summary>The choices of the follow-up matching; the defaults are those of docs/veto-record.md.</summary>
internal sealed record MatchingRules
{
    /// <summary>Days after the veto (inclusive) in which a General Assembly vote counts as its follow-up.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>Days before the veto in which an earlier resolution with a near-identical title makes a text recurring.</summary>
    public int RecurringLookbackDays { get; init; } = 3 * 365;

    /// <summary>Jaccard similarity of title words (0..1) from which two titles are the same recurring item.</summary>
    public double RecurringSimilarity { get; init; } = 0.8;

    /// <summary>Days before the veto searched for the comparison vote of the backlash.</summary>
    public int ComparisonLookbackDays { get; init; } = 5 * 365;
}
