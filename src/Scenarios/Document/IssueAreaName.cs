namespace StemSimulator.Scenarios.Document;

/// <summary>An issue area of the roll-call data, as written in a scenario (snake_case), or none.</summary>
public enum IssueAreaName
{
    /// <summary>The Palestinian conflict.</summary>
    PalestinianConflict,

    /// <summary>Nuclear weapons and nuclear material.</summary>
    NuclearWeapons,

    /// <summary>Arms control and disarmament.</summary>
    ArmsControl,

    /// <summary>Human rights.</summary>
    HumanRights,

    /// <summary>Colonialism.</summary>
    Colonialism,

    /// <summary>Economic development.</summary>
    EconomicDevelopment,

    /// <summary>No issue area: members vote by their main position alone.</summary>
    None,
}
