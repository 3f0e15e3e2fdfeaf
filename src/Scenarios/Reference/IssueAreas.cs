namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The six issue areas of the roll-call data, in the order of the calibration's offsets (bit k of an issue mask is
/// <see cref="Names"/>[k]). Names are snake_case as scenarios and tables write them.
/// </summary>
public static class IssueAreas
{
    /// <summary>palestinian_conflict, nuclear_weapons, arms_control, human_rights, colonialism, economic_development.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["palestinian_conflict", "nuclear_weapons", "arms_control", "human_rights", "colonialism", "economic_development"];

    /// <summary>The mask of ';'-separated names ("human_rights;colonialism"); null when a name is unknown.</summary>
    public static int? MaskOf(string names)
    {
        int mask = 0;
        foreach (var name in names.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int bit = IndexOf(name);
            if (bit < 0)
            {
                return null;
            }

            mask |= 1 << bit;
        }

        return mask;
    }

    /// <summary>Index of the issue area called <paramref name="name"/>, or -1.</summary>
    public static int IndexOf(string name)
    {
        for (int k = 0; k < Names.Count; k++)
        {
            if (string.Equals(Names[k], name, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>"human_rights;colonialism" for a mask (empty for none).</summary>
    public static string Describe(int mask) => string.Join(';', Names.Where((_, k) => (mask & (1 << k)) != 0));
}
