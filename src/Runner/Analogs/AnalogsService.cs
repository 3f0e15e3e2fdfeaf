using System.Globalization;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Search;

namespace StemSimulator.Runner.Analogs;

/// <summary>
/// Lists the roll calls of the calibration in use that best match a query (<see cref="RollCallSearch"/>): symbol,
/// date, recorded counts, kind, issue areas, states concerned, calibrated discrimination and title.
/// </summary>
internal sealed class AnalogsService(ConsoleStreams console)
{
    public int List(AnalogsRequest request)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (Problem(request) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        ReferenceCatalog catalog;
        try
        {
            catalog = request.Calibration is null ? ReferenceCatalog.Embedded : ReferenceCatalog.WithCalibration(request.Calibration);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var hits = Search(catalog, request);
        string source = request.Calibration ?? "the embedded calibration";
        if (request.Format == OutputFormat.Table)
        {
            console.Out.MarkupLine(Markup.Escape(string.Create(invariant,
                $"{hits.Count} of {catalog.RollCalls.Count:N0} roll calls of {source}{(request.Query.Length > 0 ? $" for \"{request.Query}\"" : string.Empty)}, best first; write the symbol (or the roll call) as 'like:' in a scenario.")));
        }

        var rows = Rows(hits);
        string[] columns = [.. Columns];
        if (request.Format == OutputFormat.Table)
        {
            // The table leaves out the roll-call id (the symbol is what scenarios write) and, below 120 columns, the
            // kind, issue areas and states concerned, so that symbols, dates and counts stay whole at 80 columns.
            bool wide = console.Out.Profile.Width >= 120;
            var shown = Enumerable.Range(0, columns.Length)
                .Where(k => columns[k] != "roll_call" && (wide || columns[k] is not ("kind" or "issues" or "concerns")))
                .ToArray();
            new TextTable([.. shown.Select(k => columns[k])], [.. rows.Select(r => shown.Select(k => r[k]).ToArray())])
            {
                Atomic = new HashSet<string>(["symbol", "date"], StringComparer.Ordinal),
            }.Write(console, request.Format);
        }
        else
        {
            new TextTable(columns, rows).Write(console, request.Format);
        }

        return ExitCodes.Success;
    }

    /// <summary>The columns of the list, in row order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["symbol", "roll_call", "date", "yes", "no", "abstain", "kind", "issues", "concerns", "beta", "title"];

    /// <summary>The roll calls of <paramref name="catalog"/> that best match the request, best first (at most its Top).</summary>
    public static IReadOnlyList<RollCallHit> Search(ReferenceCatalog catalog, AnalogsRequest request) =>
        catalog.RollCallSearch.Search(
            new RollCallQuery(request.Query, request.Issue?.ToLowerInvariant(), request.From, request.To, request.Concerns?.ToUpperInvariant()), request.Top);

    /// <summary>One row per hit in <see cref="Columns"/> order: what the command lists.</summary>
    public static IReadOnlyList<object?>[] Rows(IReadOnlyList<RollCallHit> hits) => hits.Select(hit =>
    {
        var r = hit.RollCall;
        return (IReadOnlyList<object?>)
        [
            r.Symbol.Length > 0 ? r.Symbol : null, r.Id, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Yes, r.No, r.Abstain, r.Kind,
            IssueAreas.Describe(r.IssueMask).Replace(';', ' '), string.Join(" ", hit.Concerns), Math.Round(r.Beta, 2), r.Title,
        ];
    }).ToArray();

    /// <summary>What is wrong with the request (the message without "error: "), or null when it can be answered.</summary>
    internal static string? Problem(AnalogsRequest request)
    {
        if (!string.Equals(request.Body, "ga", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(request.Body, "sc", StringComparison.OrdinalIgnoreCase)
                ? "--body sc: the calibration holds General Assembly roll calls only; Council drafts take their analog from an Assembly roll call too (stemsim veto-record lists the Council's record)"
                : $"--body must be ga, not '{request.Body}'";
        }

        if (request.Issue is { } issue && IssueAreas.IndexOf(issue.ToLowerInvariant()) < 0)
        {
            return $"unknown issue area '{issue}'{Suggestions.DidYouMean(issue.ToLowerInvariant(), IssueAreas.Names)} (issue areas: {string.Join(", ", IssueAreas.Names)})";
        }

        if (request.From is < 1945 or > 2100 || request.To is < 1945 or > 2100)
        {
            return "--from and --to are years between 1945 and 2100";
        }

        if (request.From > request.To)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--from {request.From} is after --to {request.To}");
        }

        if (request.Concerns is { } code && ReferenceCatalog.Embedded.FindState(code.ToUpperInvariant()) is null)
        {
            return $"--concerns: unknown state '{code}'{Suggestions.DidYouMean(code.ToUpperInvariant(), ReferenceCatalog.Embedded.States.Select(s => s.Code))} (ISO3 codes such as RUS, ISR, MMR)";
        }

        if (request.Top is < 1 or > 1000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--top must be between 1 and 1,000, not {request.Top}");
        }

        return request.Query.Length == 0 && request.Issue is null && request.Concerns is null && request.From is null && request.To is null
            ? "give words to search for (stemsim analogs \"territorial integrity Ukraine\") or a filter (--issue, --concerns, --from, --to)"
            : null;
    }
}
