namespace StemSimulator.Scenarios.Document;

/// <summary>The seats of one regional group in an election, and who stands for them.</summary>
public sealed class SeatGroupDocument
{
    /// <summary>The regional group: africa, asia_pacific, eastern_europe, grulac or weog (any case).</summary>
    public required RegionName Region { get; init; }

    /// <summary>Seats to fill (1 to the body's seats for the group: Council 3/2/1/2/2, Human Rights Council 13/13/6/8/7).</summary>
    public required int Seats { get; init; }

    /// <summary>Declared candidates (ISO3 codes of members of the region); at least as many as seats.</summary>
    public required string[] Candidates { get; init; }

    /// <summary>Compromise candidates (ISO3 codes): they stand only after a declared candidate withdraws (the withdrawal model).</summary>
    public string[]? Compromise { get; init; }
}
