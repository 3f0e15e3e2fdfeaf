namespace StemSimulator.Scenarios.Document;

/// <summary>A dated event of a multi-year scenario; exactly one of join, leave, shift and global_shock.</summary>
public sealed class DriftEventDocument
{
    /// <summary>Year the event takes effect (memberships from this year on; shifts in the step into this year).</summary>
    public required int Year { get; init; }

    /// <summary>A member joins a bloc (a BRICS partner becomes a member).</summary>
    public BlocChangeDocument? Join { get; init; }

    /// <summary>A member leaves a bloc.</summary>
    public BlocChangeDocument? Leave { get; init; }

    /// <summary>A government change: a member's position moves.</summary>
    public PositionShiftDocument? Shift { get; init; }

    /// <summary>A global shock: standard deviation (0 to 2) of a shift of every position that year.</summary>
    public double? GlobalShock { get; init; }
}
