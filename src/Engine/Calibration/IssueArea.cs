namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The six issue areas tagged in the roll-call data (unvotes <c>un_roll_call_issues.csv</c>), in the bit order the
/// calibration uses: bit k of a roll call's issue mask is <see cref="All"/>[k].
/// </summary>
internal static class IssueArea
{
    /// <summary>(code in the data, snake_case name used in tables and scenarios, label in the data).</summary>
    public static IReadOnlyList<(string Code, string Name, string Label)> All { get; } =
    [
        ("me", "palestinian_conflict", "Palestinian conflict"),
        ("nu", "nuclear_weapons", "Nuclear weapons and nuclear material"),
        ("di", "arms_control", "Arms control and disarmament"),
        ("hr", "human_rights", "Human rights"),
        ("co", "colonialism", "Colonialism"),
        ("ec", "economic_development", "Economic development"),
    ];

    /// <summary>Bit of the issue with data code <paramref name="code"/>, or -1.</summary>
    public static int BitOf(string code)
    {
        for (int k = 0; k < All.Count; k++)
        {
            if (string.Equals(All[k].Code, code, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>"human_rights;colonialism" for a mask (empty for none).</summary>
    public static string Names(int mask) => string.Join(';', All.Where((_, k) => (mask & (1 << k)) != 0).Select(a => a.Name));
}
