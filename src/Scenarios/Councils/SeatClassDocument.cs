namespace StemSimulator.Scenarios.Councils;

/// <summary>One class of seats in a council file: either named <see cref="Members"/> or a <see cref="Count"/> of unnamed seats.</summary>
public sealed class SeatClassDocument
{
    /// <summary>The seat type (the <c>member_type</c> column), e.g. <c>permanent</c>; unique within the file.</summary>
    public required string Type { get; init; }

    /// <summary>The seat holders' labels (ISO3 codes or seat names), unique within the file.</summary>
    public string[]? Members { get; init; }

    /// <summary>Number of unnamed seats (1 or more), labelled <c>&lt;type&gt;-1</c>, <c>&lt;type&gt;-2</c>, ...</summary>
    public int? Count { get; init; }

    /// <summary>Votes each seat casts: 1 (default) to 1,000,000.</summary>
    public int? Weight { get; init; }

    /// <summary>Whether each seat holds a veto (default false).</summary>
    public bool? Veto { get; init; }
}
