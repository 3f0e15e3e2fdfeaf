namespace StemSimulator.Engine.Council;

/// <summary>Choices of the <see cref="CouncilRecordModel"/>, fixed before any test year is seen.</summary>
public sealed record CouncilModelOptions
{
    /// <summary>First training year: the post-Cold War Council (1990), whose practice the scenarios continue.</summary>
    public int FirstYear { get; init; } = 1990;

    /// <summary>Half-life in years of a training draft's weight, &gt; 0.</summary>
    public double HalfLifeYears { get; init; } = 8;

    /// <summary>
    /// Half-life in years of a training draft's weight in the per-(member, partner) rates, so that a member's recent
    /// practice on one state can count more than its practice in general; 0 (the default) uses
    /// <see cref="HalfLifeYears"/>. &gt;= 0.
    /// </summary>
    public double PartnerHalfLifeYears { get; init; }

    /// <summary>Beta prior strength (pseudo-drafts) of the permanent members' rates, &gt; 0.</summary>
    public double PriorStrength { get; init; } = 2;

    /// <summary>Beta prior strength (pseudo-votes) of an elected member's cut-points, &gt; 0.</summary>
    public double ElectedPriorStrength { get; init; } = 20;

    /// <summary>Whether the veto rates are kept apart for routine texts (<see cref="CouncilDraft.Routine"/>) and others.</summary>
    public bool SplitRoutine { get; init; }

    /// <summary>
    /// A permanent member that vetoed a draft concerning one of the draft's states at most this many days before the
    /// vote (<see cref="CouncilDraft.DaysSinceVeto"/>) is in its own <i>recent veto</i> class; 0 (the default) turns
    /// the class off. &gt;= 0.
    /// </summary>
    public int RecentVetoDays { get; init; }
}
