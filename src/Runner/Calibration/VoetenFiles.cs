using System.Globalization;
using System.Text;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Voeten's files beside the votes (<c>voeten_idealpoints/</c>): the matched pairs of repeated resolutions and the
/// Bailey-Strezhnev-Voeten ideal points, and the member codes (<c>countries/</c>) every other file is read with.
/// </summary>
internal static class VoetenFiles
{
    /// <summary>The member list's ISO3/ISO2/COW codes and the COW to ISO3 crosswalk.</summary>
    public static UnitCodes ReadUnitCodes(string members, string crosswalk, DataProblems problems)
    {
        var iso2 = new Dictionary<string, string>(StringComparer.Ordinal);
        var cow = new Dictionary<int, string>();
        foreach (var row in SharedCsv.Rows(members, problems, "iso3", "iso2", "cow_ccode"))
        {
            iso2[row[1]] = row[0];
            foreach (var part in row[2].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int c))
                {
                    cow[c] = row[0];
                }
            }
        }

        foreach (var row in SharedCsv.Rows(crosswalk, problems, "cow_ccode", "iso3c"))
        {
            if (row.Int(0) is { } c)
            {
                cow.TryAdd(c, row[1]);
            }
            else
            {
                row.Problem("cow_ccode is not an integer");
            }
        }

        return new UnitCodes(iso2, cow);
    }

    /// <summary>Voeten's matched pairs as pairs of roll-call indexes.</summary>
    public static List<(int, int)> ReadMatches(string file, IReadOnlyDictionary<int, int> byRcid, DataProblems problems)
    {
        var pairs = new List<(int, int)>();
        foreach (var row in SharedCsv.Rows(file, problems, "v1", "rcid1", "rcid2"))
        {
            if (row.Int(1) is { } a && row.Int(2) is { } b && byRcid.TryGetValue(a, out int ra) && byRcid.TryGetValue(b, out int rb) && ra != rb)
            {
                pairs.Add((ra, rb));
            }
            else
            {
                row.Problem($"rcid pair '{row[1]}', '{row[2]}' is not two different unvotes roll calls");
            }
        }

        return pairs;
    }

    /// <summary>The Bailey-Strezhnev-Voeten ideal point of each unit and session.</summary>
    public static Dictionary<(string, int), double> ReadIdealPoints(string file, UnitCodes codes, DataProblems problems)
    {
        var points = new Dictionary<(string, int), double>();
        foreach (var row in SharedCsv.Rows(file, problems, Encoding.Latin1, null, "ccode", "session", "IdealPoint"))
        {
            if (row.Int(0) is not { } ccode || row.Int(1) is not { } session || row.Double(2) is not { } point)
            {
                row.Problem("ccode, session or IdealPoint is not a number");
                continue;
            }

            var code = codes.FromCow(ccode, new DateOnly(1945 + session, 12, 1));
            if (code is null)
            {
                row.Problem($"unknown COW code {ccode}");
                continue;
            }

            if (!points.TryAdd((code, session), point))
            {
                row.Problem($"second ideal point of {code} in session {session}");
            }
        }

        return points;
    }
}
