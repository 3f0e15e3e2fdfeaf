namespace StemSimulator.Engine.Council;

/// <summary>Choices of the <see cref="CouncilRecordModel"/>, fixed before any test year is seen.</summary>
public sealed record CouncilModelOptions
{
    /// <summary>First training year: the post-Cold War Council (1990), whose practice the scenarios continue.</summary>
    public int FirstYear { get; init; } = 1990;

    /// <summary>Half-life in years of a training draft's weight, &gt; 0.</summary>
    public double HalfLifeYears { get; init; } = 8;

    /// <summary>Beta prior strength (pseudo-drafts) of the permanent members' rates, &gt; 0.</summary>
    public double PriorStrength { get; init; } = 2;

    /// <summary>Beta prior strength (pseudo-votes) of an elected member's cut-points, &gt; 0.</summary>
    public double ElectedPriorStrength { get; init; } = 20;

    /// <summary>Whether the veto rates are kept apart for routine texts (<see cref="CouncilDraft.Routine"/>) and others.</summary>
    public bool SplitRoutine { get; init; }
}
