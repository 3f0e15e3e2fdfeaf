using StemSimulator.Engine.Members;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The five UN regional groups as shock groups of the scenario language: a shock on one of these names reaches the
/// group's members (as the calibrated shock sizes are estimated for them).
/// </summary>
public static class RegionalGroups
{
    /// <summary>AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG, in <see cref="RegionalGroup"/> order.</summary>
    public static IReadOnlyList<string> Names => RegionalGroupNames.All;

    /// <summary>The index of a group in <see cref="Names"/>.</summary>
    public static int IndexOf(RegionalGroup group) => RegionalGroupNames.IndexOf(group);

    /// <summary>The group called <paramref name="name"/>, or null.</summary>
    public static RegionalGroup? Find(string name) => name switch
    {
        "AFRICAN_GROUP" => RegionalGroup.African,
        "ASIA_PACIFIC_GROUP" => RegionalGroup.AsiaPacific,
        "EASTERN_EUROPEAN_GROUP" => RegionalGroup.EasternEuropean,
        "GRULAC" => RegionalGroup.LatinAmericanAndCaribbean,
        "WEOG" => RegionalGroup.WesternEuropeanAndOthers,
        _ => null,
    };
}
