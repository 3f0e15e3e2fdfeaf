namespace StemSimulator.Scenarios.Document;

/// <summary>A vote as written in a scenario.</summary>
public enum VoteChoiceName
{
    /// <summary>In favour.</summary>
    Yes,

    /// <summary>Against.</summary>
    No,

    /// <summary>Abstains.</summary>
    Abstain,

    /// <summary>Absent.</summary>
    Absent,
}
