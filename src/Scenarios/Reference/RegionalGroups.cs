using StemSimulator.Engine.Members;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The five UN regional groups as shock groups of the scenario language: a shock on one of these names reaches the
/// group's members (as the calibrated shock sizes are estimated for them).
/// </summary>
public static class RegionalGroups
{
    private static readonly RegionalGroup[] Groups = Enum.GetValues<RegionalGroup>();

    /// <summary>AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG, in <see cref="RegionalGroup"/> order.</summary>
    public static IReadOnlyList<string> Names => RegionalGroupNames.All;

    /// <summary>The index of a group in <see cref="Names"/>.</summary>
    public static int IndexOf(RegionalGroup group) => RegionalGroupNames.IndexOf(group);

    /// <summary>The group called <paramref name="name"/>, or null.</summary>
    public static RegionalGroup? Find(string name)
    {
        // Asked for every member and shock group as a scenario compiles: a look through the five, nothing allocated.
        foreach (var group in Groups)
        {
            if (string.Equals(Names[IndexOf(group)], name, StringComparison.Ordinal))
            {
                return group;
            }
        }

        return null;
    }
}
