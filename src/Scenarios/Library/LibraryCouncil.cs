namespace StemSimulator.Scenarios.Library;

/// <summary>The organ that voted on a resolution of the UN Digital Library's files.</summary>
public enum LibraryCouncil
{
    /// <summary>The General Assembly (symbols A/RES/...).</summary>
    Assembly,

    /// <summary>The Security Council (symbols S/RES/...).</summary>
    SecurityCouncil,
}
