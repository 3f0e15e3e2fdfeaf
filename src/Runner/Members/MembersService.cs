using System.Globalization;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Members;

/// <summary>
/// Lists the member states of the embedded reference data on a date: code, name, regional group, admission and the
/// blocs each belongs to then, optionally only one bloc's members. The codes are the ones scenarios use.
/// </summary>
internal sealed class MembersService(ConsoleStreams console, TimeProvider clock)
{
    public int List(string? bloc, int? year, bool quiet, OutputFormat format = OutputFormat.Table)
    {
        var catalog = ReferenceCatalog.Embedded;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (year is < 1945 or > 2100)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --year must be between 1945 and 2100, not {year}"));
            return ExitCodes.InvalidInput;
        }

        // A past or future year is shown as it stood at the year's end; the current year as of today.
        var date = year is { } y && y != today.Year ? new DateOnly(y, 12, 31) : today;
        var groups = MemberGroups.Embedded;
        string? selected = null;
        if (bloc is not null)
        {
            selected = groups.Canonical(bloc);
            if (selected is null)
            {
                console.Error.WriteLine($"error: {groups.Unknown(bloc)}");
                return ExitCodes.InvalidInput;
            }
        }

        var rows = Rows(selected, date);
        var table = new TextTable(Columns, rows)
        {
            Atomic = new HashSet<string>(["code", "regional_group", "admitted"], StringComparer.Ordinal),
        };
        if (format != OutputFormat.Table)
        {
            table.Write(console, format);
            return ExitCodes.Success;
        }

        string scope = selected is null ? "UN member states" : $"members of {selected}";
        if (!quiet)
        {
            console.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{rows.Length} {scope} on {date:yyyy-MM-dd}; observers (Holy See, State of Palestine) do not vote and are not listed.")));
            if (selected is not null)
            {
                console.Out.MarkupLine($"[grey]{Markup.Escape(selected)}: {Markup.Escape(groups.Describe(selected))}[/]");
            }
        }

        table.Write(console, format);
        return ExitCodes.Success;
    }

    /// <summary>The columns of the list: code, name, regional_group, admitted, blocs.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["code", "name", "regional_group", "admitted", "blocs"];

    /// <summary>
    /// One row per member state voting on <paramref name="date"/> (of the group <paramref name="selected"/>, a canonical
    /// name, or all when null): its code, name, regional group, admission date (yyyy-MM-dd) and blocs on the date
    /// separated by spaces, in <see cref="Columns"/> order.
    /// </summary>
    public static IReadOnlyList<object?>[] Rows(string? selected, DateOnly date)
    {
        var catalog = ReferenceCatalog.Embedded;
        var groups = MemberGroups.Embedded;
        var states = catalog.VotingMembersOn(date).Where(s => selected is null || groups.Contains(selected, s.Code, date)).ToArray();
        var blocs = catalog.Blocs.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToArray();
        return states.Select(state => (IReadOnlyList<object?>)
        [
            state.Code, state.Name, MemberGroups.NameOf(state.Group), state.Admitted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Join(" ", blocs.Where(b => b.Contains(state.Code, date)).Select(b => b.Name)),
        ]).ToArray();
    }
}
