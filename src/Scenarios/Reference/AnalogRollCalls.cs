using System.Runtime.InteropServices;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Search;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The calibrated roll calls, found by roll-call id ("5309", "undl-3879564") or resolution symbol ("A/RES/68/262").
/// A symbol names the vote on the whole resolution; when the data hold only amendment or paragraph votes under a
/// symbol, or several whole-resolution votes, the symbol is ambiguous and the roll-call id must be used.
/// </summary>
public sealed class AnalogRollCalls
{
    // Plain dictionaries, not frozen ones: a command looks up a handful of the thousands of roll calls, so the frozen
    // dictionaries' costlier construction (their analysis of the keys) never paid for itself.
    private readonly Dictionary<string, AnalogRollCall> _byId;
    private readonly Dictionary<string, AnalogRollCall[]> _bySymbol;

    internal AnalogRollCalls(IEnumerable<AnalogRollCall> rollCalls)
    {
        var all = rollCalls.ToArray();
        All = all;
        _byId = new Dictionary<string, AnalogRollCall>(all.Length, StringComparer.Ordinal);
        var bySymbol = new Dictionary<string, AnalogRollCall[]>(all.Length, StringComparer.Ordinal);
        foreach (var rollCall in all)
        {
            _byId.Add(rollCall.Id, rollCall);
            if (rollCall.Symbol.Length > 0)
            {
                // A symbol's roll calls in the table's order; most symbols have one.
                ref var withSymbol = ref CollectionsMarshal.GetValueRefOrAddDefault(bySymbol, rollCall.Symbol, out _);
                withSymbol = withSymbol is null ? [rollCall] : [.. withSymbol, rollCall];
            }
        }

        _bySymbol = bySymbol;
    }

    /// <summary>These roll calls and <paramref name="added"/> (a scenario's evidence), found the same way.</summary>
    public AnalogRollCalls With(IEnumerable<AnalogRollCall> added) => new(All.Concat(added));

    /// <summary>Number of roll calls.</summary>
    public int Count => _byId.Count;

    /// <summary>The search over these roll calls, for suggestions (set by the catalog that holds them).</summary>
    internal Func<RollCallSearch>? Search { get; set; }

    /// <summary>Every roll call, in the order of the calibration table.</summary>
    public IReadOnlyList<AnalogRollCall> All { get; }

    /// <summary>
    /// The roll call <paramref name="reference"/> names, or null with <paramref name="problem"/> saying why (unknown,
    /// with the nearest symbols by spelling and, when <paramref name="about"/> is given, the roll calls the search finds
    /// for it; or ambiguous, with the candidate ids).
    /// </summary>
    /// <param name="reference">A symbol (A/RES/68/262, R/68/262) or roll-call id.</param>
    /// <param name="problem">Why nothing was found, or null.</param>
    /// <param name="about">What the vote is about (its title), to suggest roll calls by content; null for spelling only.</param>
    public AnalogRollCall? Find(string reference, out string? problem, string? about = null)
    {
        problem = null;
        string text = reference.Trim();
        if (_byId.TryGetValue(text, out var byId))
        {
            return byId;
        }

        string symbol = text.StartsWith("R/", StringComparison.Ordinal) ? "A/RES/" + text[2..] : text;
        if (_bySymbol.TryGetValue(symbol, out var candidates))
        {
            var whole = candidates.Where(c => c.Kind == "resolution").ToArray();
            if (whole.Length == 1)
            {
                return whole[0];
            }

            problem = $"'{reference}' names {candidates.Length} recorded votes ({string.Join(", ", candidates.Select(c => $"roll call {c.Id}: {c.Kind} of {c.Date:yyyy-MM-dd}"))}); give the roll-call id instead";
            return null;
        }

        var nearest = Suggestions.DidYouMean(symbol, _bySymbol.Keys);
        problem = $"unknown roll call '{reference}'{nearest} (the calibration holds General Assembly roll calls 1946-2021 by symbol, e.g. A/RES/68/262, or by roll-call id){Related(about)}";
        return null;
    }

    /// <summary>"; roll calls about 'TITLE': A (date, title), B (...)" from the search, or empty.</summary>
    private string Related(string? about)
    {
        if (string.IsNullOrWhiteSpace(about) || Search is null)
        {
            return string.Empty;
        }

        var hits = Search().Search(new RollCallQuery(about), 3)
            .Where(h => h.RollCall.Symbol.Length > 0)
            .Select(h => $"{h.RollCall.Symbol} ({h.RollCall.Date:yyyy-MM-dd}, {Shorten(h.RollCall.Title)})")
            .ToArray();
        return hits.Length == 0 ? string.Empty : $"; roll calls like this vote's title ('{Shorten(about)}'), by the search of 'stemsim analogs': {string.Join(", ", hits)}";
    }

    private static string Shorten(string text) => text.Length <= 60 ? text.Trim() : text[..57].TrimEnd() + "...";
}
