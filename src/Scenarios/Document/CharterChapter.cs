namespace StemSimulator.Scenarios.Document;

/// <summary>The Charter chapter a Council draft acts under.</summary>
public enum CharterChapter
{
    /// <summary>Chapter VI, pacific settlement: parties to the dispute abstain (Art. 27(3)).</summary>
    VI,

    /// <summary>Chapter VII, enforcement: parties to the dispute vote.</summary>
    VII,
}
