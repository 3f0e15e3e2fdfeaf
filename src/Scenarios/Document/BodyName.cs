namespace StemSimulator.Scenarios.Document;

/// <summary>The organ that votes, as written in a scenario.</summary>
public enum BodyName
{
    /// <summary>The General Assembly.</summary>
    GA,

    /// <summary>The Security Council.</summary>
    SC,
}
