namespace StemSimulator.Scenarios.Document;

/// <summary>A shift of one member's position (positive: towards the United States' side of the main dimension).</summary>
public sealed class PositionShiftDocument
{
    /// <summary>The member (ISO3 code).</summary>
    public required string Member { get; init; }

    /// <summary>The shift, -3 to 3 position units.</summary>
    public required double By { get; init; }
}
