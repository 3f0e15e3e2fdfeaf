namespace StemSimulator.Engine.Members;

/// <summary>
/// The names of the five UN regional groups as shock groups of the scenario language, in <see cref="RegionalGroup"/>
/// order: the calibrated shock sizes are estimated for these groups under these names.
/// </summary>
public static class RegionalGroupNames
{
    /// <summary>AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG, in <see cref="RegionalGroup"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = ["AFRICAN_GROUP", "ASIA_PACIFIC_GROUP", "EASTERN_EUROPEAN_GROUP", "GRULAC", "WEOG"];

    /// <summary>The index of a group in <see cref="All"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of the five groups.</exception>
    public static int IndexOf(RegionalGroup group) => group switch
    {
        RegionalGroup.African => 0,
        RegionalGroup.AsiaPacific => 1,
        RegionalGroup.EasternEuropean => 2,
        RegionalGroup.LatinAmericanAndCaribbean => 3,
        RegionalGroup.WesternEuropeanAndOthers => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Not a UN regional group."),
    };
}
