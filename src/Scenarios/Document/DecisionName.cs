namespace StemSimulator.Scenarios.Document;

/// <summary>A Security Council decision kind as written in a scenario.</summary>
public enum DecisionName
{
    /// <summary>Nine yes and no permanent member voting no.</summary>
    Substantive,

    /// <summary>Nine yes; no veto.</summary>
    Procedural,
}
