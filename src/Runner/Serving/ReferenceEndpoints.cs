using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StemSimulator.Runner.Analogs;
using StemSimulator.Runner.Members;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The reference API: members (<c>stemsim members</c>), blocs and regional groups with their members on a date
/// (<see cref="MemberGroups"/>), and the analog roll calls (<c>stemsim analogs</c>).
/// </summary>
internal static class ReferenceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("reference");
        api.MapGet("/members", (string? bloc, int? year, TimeProvider clock) =>
            {
                if (DateOf(year, clock) is not { } date)
                {
                    return YearProblem(year);
                }

                string? selected = null;
                if (bloc is not null && (selected = MemberGroups.Embedded.Canonical(bloc)) is null)
                {
                    return ServerProblems.Refused("unknown-group", "Unknown group", MemberGroups.Embedded.Unknown(bloc));
                }

                var rows = MembersService.Rows(selected, date)
                    .Select(r => new MemberEntry((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, ((string)r[4]!).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                    .ToArray();
                return Results.Json(new MemberList(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), selected, rows));
            })
            .WithSummary("The member states voting on a date (today, or the end of ?year=), optionally of one ?bloc=: what stemsim members lists")
            .Produces<MemberList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/blocs", (int? year, TimeProvider clock) => Groups(year, clock, regionalOnly: false))
            .WithSummary("Every group a scenario may name (the five regional groups, then the blocs) with its voting members on the date")
            .Produces<GroupEntry[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/groups", (int? year, TimeProvider clock) => Groups(year, clock, regionalOnly: true))
            .WithSummary("The five UN regional groups with their voting members on the date")
            .Produces<GroupEntry[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/analogs", (string? q, string? issue, int? from, int? to, string? concerns, int? top) =>
            {
                var request = new AnalogsRequest(q ?? string.Empty, issue, from, to, concerns, "ga", null, top ?? 10);
                if (AnalogsService.Problem(request) is { } problem)
                {
                    return ServerProblems.Refused("analogs", "The search cannot be answered", problem.Replace("--", string.Empty, StringComparison.Ordinal));
                }

                var rows = AnalogsService.Rows(AnalogsService.Search(ReferenceCatalog.Embedded, request));
                var columns = AnalogsService.Columns;
                return Results.Json(rows.Select(r => Enumerable.Range(0, columns.Count).ToDictionary(k => columns[k], k => r[k], StringComparer.Ordinal)).ToArray());
            })
            .WithSummary("The calibration's roll calls best matching ?q= (words or a symbol) and the filters ?issue=, ?from=, ?to=, ?concerns=, ?top= (1-1000, default 10): what stemsim analogs lists")
            .Produces<Dictionary<string, object?>[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Groups(int? year, TimeProvider clock, bool regionalOnly)
    {
        if (DateOf(year, clock) is not { } date)
        {
            return YearProblem(year);
        }

        var groups = MemberGroups.Embedded;
        var entries = groups.Names
            .Where(name => !regionalOnly || groups.RegionalGroupOf(name) is not null)
            .Select(name => new GroupEntry(name, groups.RegionalGroupOf(name) is null ? "bloc" : "regional_group", groups.Describe(name), groups.VotingMembersOn(name, date)))
            .ToArray();
        return Results.Json(entries);
    }

    /// <summary>As <c>stemsim members</c>: the end of a past or future year, today for the current year or none.</summary>
    private static DateOnly? DateOf(int? year, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return year switch
        {
            null => today,
            < 1945 or > 2100 => null,
            { } y when y == today.Year => today,
            { } y => new DateOnly(y, 12, 31),
        };
    }

    private static IResult YearProblem(int? year) =>
        ServerProblems.Refused("year", "Year out of range", string.Create(CultureInfo.InvariantCulture, $"year must be between 1945 and 2100, not {year}"));
}
