namespace StemSimulator.Engine.Rules;

/// <summary>A set of the Security Council's five permanent members, as flags (bit order = alphabetical ISO3 order).</summary>
[Flags]
public enum PermanentMembers : byte
{
    /// <summary>The empty set.</summary>
    None = 0,

    /// <summary>China (CHN).</summary>
    China = 1,

    /// <summary>France (FRA).</summary>
    France = 2,

    /// <summary>United Kingdom (GBR).</summary>
    UnitedKingdom = 4,

    /// <summary>Russian Federation (RUS).</summary>
    Russia = 8,

    /// <summary>United States (USA).</summary>
    UnitedStates = 16,

    /// <summary>All five.</summary>
    All = China | France | Russia | UnitedKingdom | UnitedStates,
}

/// <summary>Conversions between <see cref="PermanentMembers"/> and ISO3 codes.</summary>
public static class PermanentMembersExtensions
{
    private static readonly (PermanentMembers Flag, string Code)[] Codes =
    [
        (PermanentMembers.China, "CHN"),
        (PermanentMembers.France, "FRA"),
        (PermanentMembers.UnitedKingdom, "GBR"),
        (PermanentMembers.Russia, "RUS"),
        (PermanentMembers.UnitedStates, "USA"),
    ];

    /// <summary>The ISO3 codes of the five permanent members, in alphabetical order.</summary>
    public static IReadOnlyList<string> AllCodes { get; } = Codes.Select(c => c.Code).ToArray();

    /// <summary>The flag of the permanent member with ISO3 <paramref name="code"/>, or <see cref="PermanentMembers.None"/>.</summary>
    public static PermanentMembers FromCode(string code)
    {
        foreach (var (flag, c) in Codes)
        {
            if (string.Equals(c, code, StringComparison.Ordinal))
            {
                return flag;
            }
        }

        return PermanentMembers.None;
    }

    /// <summary>The ISO3 codes in the set, alphabetical, joined by '+' (for example <c>CHN+RUS</c>); empty for none.</summary>
    public static string ToCodes(this PermanentMembers members)
    {
        if (members == PermanentMembers.None)
        {
            return string.Empty;
        }

        return string.Join('+', Codes.Where(c => (members & c.Flag) != 0).Select(c => c.Code));
    }

    /// <summary>The number of members in the set (0 to 5).</summary>
    public static int Count(this PermanentMembers members) => System.Numerics.BitOperations.PopCount((uint)members);
}
