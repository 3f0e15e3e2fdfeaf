using StemSimulator.Engine.Members;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The five UN regional groups as shock groups of the scenario language: a shock on one of these names reaches the
/// group's members (as the calibrated shock sizes are estimated for them).
/// </summary>
public static class RegionalGroups
{
    /// <summary>AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG, in <see cref="RegionalGroup"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["AFRICAN_GROUP", "ASIA_PACIFIC_GROUP", "EASTERN_EUROPEAN_GROUP", "GRULAC", "WEOG"];

    /// <summary>The index of a group in <see cref="Names"/>.</summary>
    public static int IndexOf(RegionalGroup group) => group switch
    {
        RegionalGroup.African => 0,
        RegionalGroup.AsiaPacific => 1,
        RegionalGroup.EasternEuropean => 2,
        RegionalGroup.LatinAmericanAndCaribbean => 3,
        RegionalGroup.WesternEuropeanAndOthers => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown regional group."),
    };

    /// <summary>The group called <paramref name="name"/>, or null.</summary>
    public static RegionalGroup? Find(string name) => Names.ToList().IndexOf(name) switch
    {
        0 => RegionalGroup.African,
        1 => RegionalGroup.AsiaPacific,
        2 => RegionalGroup.EasternEuropean,
        3 => RegionalGroup.LatinAmericanAndCaribbean,
        4 => RegionalGroup.WesternEuropeanAndOthers,
        _ => null,
    };
}
