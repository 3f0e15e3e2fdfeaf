namespace StemSimulator.Scenarios.Document;

/// <summary>A General Assembly majority as written in a scenario.</summary>
public enum MajorityName
{
    /// <summary>More yes than no among those present and voting.</summary>
    Simple,

    /// <summary>Two-thirds of those present and voting (important questions, Art. 18(2)).</summary>
    TwoThirds,
}
