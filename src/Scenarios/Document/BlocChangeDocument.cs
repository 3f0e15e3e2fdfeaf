namespace StemSimulator.Scenarios.Document;

/// <summary>A member joining or leaving a bloc.</summary>
public sealed class BlocChangeDocument
{
    /// <summary>The bloc (BRICS, EU, NATO, ...).</summary>
    public required string Bloc { get; init; }

    /// <summary>The member (ISO3 code).</summary>
    public required string Member { get; init; }
}
