namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Maps the shared data's country codes onto the calibration's voting units: ISO3 codes for today's members and
/// fixed historical codes otherwise. Continuity follows the UN's succession of seats: the USSR's votes are Russia's,
/// the Federal Republic's are Germany's, the Yemen Arab Republic's are Yemen's; Yugoslavia before 1 November 2000
/// (SFRY, whose seat lapsed in 1992) is YUG, the Federal Republic of Yugoslavia admitted then continues as Serbia (SRB),
/// as Voeten codes it; Czechoslovakia (CSK), the German Democratic Republic (DDR), South Yemen (YMD), the Republic of
/// China's seat until 1971 (TWN) and Zanzibar (ZZB) are units of their own.
/// </summary>
internal sealed class UnitCodes
{
    /// <summary>Admission of the Federal Republic of Yugoslavia: votes from this date are Serbia's.</summary>
    public static readonly DateOnly SerbiaFrom = new(2000, 11, 1);

    private readonly Dictionary<string, string> _iso2ToIso3;
    private readonly Dictionary<int, string> _cowToIso3;

    private readonly HashSet<string> _iso3;

    public UnitCodes(Dictionary<string, string> iso2ToIso3, Dictionary<int, string> cowToIso3)
    {
        _iso2ToIso3 = iso2ToIso3;
        _cowToIso3 = cowToIso3;
        _iso3 = [.. iso2ToIso3.Values, .. cowToIso3.Values, "CSK", "DDR", "YMD", "TWN", "YUG", "ZZB"];
    }

    /// <summary>Whether <paramref name="iso3"/> is a unit code the member list, the crosswalk or the fixed historical codes know.</summary>
    public bool IsKnown(string iso3) => _iso3.Contains(iso3);

    /// <summary>The unit of an unvotes row (ISO2 code and country name), or null when unknown.</summary>
    public string? FromUnvotes(string iso2, string name, DateOnly date)
    {
        switch (iso2)
        {
            case "":
                return name switch
                {
                    "Federal Republic of Germany" => "DEU",
                    "Yemen Arab Republic" => "YEM",
                    "Zanzibar" => "ZZB",
                    _ => null,
                };
            case "CS": return "CSK";
            case "DD": return "DDR";
            case "YD": return "YMD";
            case "TW": return "TWN";
            case "YU": return date < SerbiaFrom ? "YUG" : "SRB";
            default: return _iso2ToIso3.GetValueOrDefault(iso2);
        }
    }

    /// <summary>The unit of a Correlates of War code in Voeten's files on <paramref name="date"/>, or null.</summary>
    public string? FromCow(int ccode, DateOnly date) => ccode switch
    {
        255 or 260 => "DEU",
        265 => "DDR",
        315 => "CSK",
        345 => date < SerbiaFrom ? "YUG" : "SRB",
        678 => "YEM",
        680 => "YMD",
        713 => "TWN",
        511 => "ZZB",
        _ => _cowToIso3.GetValueOrDefault(ccode),
    };
}
