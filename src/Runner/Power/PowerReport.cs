using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Power;

namespace StemSimulator.Runner.Power;

/// <summary>The console table of <c>stemsim power</c>: one row per council and seat class (all seats of a class are equal).</summary>
internal static class PowerReport
{
    public static void Write(IAnsiConsole console, IReadOnlyList<CouncilPower> councils, string file)
    {
        var invariant = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("council");
        table.AddColumn("rule");
        table.AddColumn("seat type");
        table.AddColumn(new TableColumn("seats").RightAligned());
        table.AddColumn("veto");
        table.AddColumn(new TableColumn("Shapley-Shubik").RightAligned());
        table.AddColumn(new TableColumn("class total").RightAligned());
        table.AddColumn(new TableColumn("Banzhaf raw").RightAligned());
        table.AddColumn(new TableColumn("Banzhaf norm.").RightAligned());
        foreach (var council in councils)
        {
            bool first = true;
            foreach (var c in council.Classes)
            {
                table.AddRow(
                    first ? Markup.Escape(council.Council.Name) : string.Empty,
                    first ? Markup.Escape(council.Council.RuleText()) : string.Empty,
                    Markup.Escape(c.Class.Type),
                    c.Class.Count.ToString(invariant),
                    c.Class.Veto ? "yes" : "no",
                    Format(c.PerSeat.ShapleyShubik),
                    (c.PerSeat.ShapleyShubik * c.Class.Count).ToString("0.0000", invariant),
                    Format(c.PerSeat.BanzhafRaw),
                    Format(c.PerSeat.BanzhafNormalized));
                first = false;
            }
        }

        console.Write(table);
        console.MarkupLine($"Per seat; exact (no sampling). Wrote [bold]{Markup.Escape(file)}[/] ({councils.Sum(c => c.Council.MemberCount)} rows: one per council and member).");
    }

    /// <summary>Six decimals (enough for the fixtures 0.19627 and 0.001865); tiny values keep three significant digits.</summary>
    private static string Format(double value) =>
        value is > 0 and < 1e-4 ? value.ToString("0.00e+00", CultureInfo.InvariantCulture) : value.ToString("0.000000", CultureInfo.InvariantCulture);
}
