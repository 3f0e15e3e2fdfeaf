using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Power;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Power;

/// <summary>
/// What <c>stemsim power</c> prints: one row per council and seat class (all seats of a class are equal), as a table
/// for people or as CSV or JSON for scripts (<c>--format</c>).
/// </summary>
internal static class PowerReport
{
    private static readonly string[] Columns =
        ["council", "rule", "seat_type", "seats", "veto", "shapley_shubik", "class_total", "banzhaf_raw", "banzhaf_normalized"];

    public static void Write(ConsoleStreams console, IReadOnlyList<CouncilPower> councils, string file, OutputFormat format)
    {
        var table = Table(councils);
        table.Write(console, format);
        if (format == OutputFormat.Table)
        {
            console.Out.MarkupLine($"Per seat (class_total: all seats of the class); exact (no sampling). Wrote [bold]{Markup.Escape(file)}[/] ({councils.Sum(c => c.Council.MemberCount)} rows: one per council and member).");
        }
    }

    /// <summary>The rows: per council, one per seat class, with the power of one seat of that class.</summary>
    public static TextTable Table(IReadOnlyList<CouncilPower> councils)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var council in councils)
        {
            foreach (var c in council.Classes)
            {
                rows.Add(
                [
                    council.Council.Name, council.Council.RuleText(), c.Class.Type, (long)c.Class.Count, c.Class.Veto ? "yes" : "no",
                    c.PerSeat.ShapleyShubik, c.PerSeat.ShapleyShubik * c.Class.Count, c.PerSeat.BanzhafRaw, c.PerSeat.BanzhafNormalized,
                ]);
            }
        }

        Func<double, string> six = Format;
        return new TextTable(Columns, rows)
        {
            Atomic = new HashSet<string>(["council", "seat_type", "veto"], StringComparer.Ordinal),
            Display = new Dictionary<string, Func<double, string>>(StringComparer.Ordinal)
            {
                ["shapley_shubik"] = six,
                ["class_total"] = v => v.ToString("0.0000", CultureInfo.InvariantCulture),
                ["banzhaf_raw"] = six,
                ["banzhaf_normalized"] = six,
            },
        };
    }

    /// <summary>Six decimals (enough for the fixtures 0.19627 and 0.001865); tiny values keep three significant digits.</summary>
    private static string Format(double value) =>
        value is > 0 and < 1e-4 ? value.ToString("0.00e+00", CultureInfo.InvariantCulture) : value.ToString("0.000000", CultureInfo.InvariantCulture);
}
