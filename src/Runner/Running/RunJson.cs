using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Running;

/// <summary>
/// <c>stemsim run --json</c>: the run's summary as one JSON object on standard output, for scripts. It is read back
/// from the files just written (summary.parquet and election_summary.parquet, same column names), so it always says
/// what the tables say; provenance keys lose their "stemsim." prefix.
/// </summary>
internal static class RunJson
{
    public static async Task<string> RenderAsync(string folder, double seconds, CancellationToken cancellationToken)
    {
        string summary = Path.Combine(folder, "summary.parquet");
        var votes = File.Exists(summary) ? await ParquetColumns.ReadAsync(summary, cancellationToken).ConfigureAwait(false) : null;
        string electionSummary = Path.Combine(folder, "election_summary.parquet");
        var elections = File.Exists(electionSummary) ? await ParquetColumns.ReadAsync(electionSummary, cancellationToken).ConfigureAwait(false) : null;
        var (statistics, _) = await Output.StatisticsFile.ReadAsync(Path.Combine(folder, Output.StatisticsFile.Name), cancellationToken).ConfigureAwait(false);
        return Render(votes, elections, statistics, folder, seconds).ToJsonString(Options);
    }

    /// <summary>The JSON text of <paramref name="root"/> as <c>run --json</c> prints it (indented, relaxed escaping).</summary>
    public static string Text(JsonObject root) => root.ToJsonString(Options);

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The object <c>run --json</c> prints, from the summary tables (null when the run has no votes, or no elections)
    /// and the exact statistics; <paramref name="output"/> is the run folder, or null when nothing was written (the
    /// server), and then the key is left out.
    /// </summary>
    public static JsonObject Render(ParquetColumns? summary, ParquetColumns? electionSummary, Output.RunStatistics? statistics, string? output, double seconds)
    {
        var root = new JsonObject();
        IReadOnlyDictionary<string, string>? metadata = null;
        var votes = new JsonArray();
        var elections = new JsonArray();
        if (summary is not null)
        {
            metadata = summary.Metadata;
            Rows(summary, votes);
        }

        if (electionSummary is not null)
        {
            metadata ??= electionSummary.Metadata;
            Rows(electionSummary, elections);
        }

        // The provenance only: the file's other keys (ARROW:schema) describe the table, not the run.
        foreach (var (key, value) in (metadata ?? new Dictionary<string, string>()).Where(kv => kv.Key.StartsWith("stemsim.", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            string name = key["stemsim.".Length..];
            root[name] = name is "seed" or "trials" && ulong.TryParse(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
        }

        AddBand(statistics, votes);
        if (Conditioned(statistics) is { } conditioned)
        {
            root["conditioned"] = conditioned;
        }

        if (output is not null)
        {
            root["output"] = output;
        }

        root["seconds"] = Math.Round(seconds, 3);
        root["votes"] = votes;
        root["elections"] = elections;
        return root;
    }

    /// <summary>
    /// Adds to each vote row with a band over the analog's plausible spread (statistics.json) its ends:
    /// p_adopted_band_lower/upper, the P(adopted) at each end of the spread, the spreads and the band's trials. Rows
    /// without a band (and the JSON of runs without one) are unchanged.
    /// </summary>
    private static void AddBand(Output.RunStatistics? statistics, JsonArray votes)
    {
        if (statistics?.Band is null)
        {
            return;
        }

        foreach (var row in votes.OfType<JsonObject>())
        {
            string? variant = row["variant"]?.GetValue<string>(), voteId = row["vote_id"]?.GetValue<string>();
            double? p = row["p_adopted"]?.GetValue<double>();
            if (variant is null || voteId is null || p is null || Output.AdoptionBand.Of(statistics, variant, voteId, p.Value) is not { } band)
            {
                continue;
            }

            row["p_adopted_band_lower"] = band.Lower;
            row["p_adopted_band_upper"] = band.Upper;
            row["p_adopted_at_spread_low"] = band.PAtLow;
            row["p_adopted_at_spread_high"] = band.PAtHigh;
            row["analog_spread_low"] = band.SpreadLow;
            row["analog_spread_high"] = band.SpreadHigh;
            row["band_trials"] = band.Trials;
        }
    }

    /// <summary>
    /// Per vote conditioned on announced votes: the announcements, trials, draws, acceptance rate and effective sample
    /// size (from statistics.json); null when the run conditioned on nothing, so other runs' JSON is unchanged.
    /// </summary>
    private static JsonArray? Conditioned(Output.RunStatistics? statistics)
    {
        var conditioned = statistics?.Votes.Where(v => v.Vote.Given.Count > 0).ToArray() ?? [];
        if (conditioned.Length == 0)
        {
            return null;
        }

        var rows = new JsonArray();
        foreach (var state in conditioned)
        {
            var given = new JsonObject();
            foreach (var announced in state.Vote.Given)
            {
                given[announced.Code] = GivenSummary.Name(announced.Choice);
            }

            rows.Add(new JsonObject
            {
                ["variant"] = state.Variant,
                ["vote_id"] = state.Vote.Id,
                ["given"] = given,
                ["trials"] = state.Trials,
                ["draws"] = state.GivenDraws,
                ["acceptance_rate"] = state.GivenDraws == 0 ? null : (double)state.Trials / state.GivenDraws,
                ["effective_sample_size"] = state.Trials,
            });
        }

        return rows;
    }

    private static void Rows(ParquetColumns table, JsonArray rows)
    {
        var names = table.Names.ToArray();
        for (int r = 0; r < table.RowCount; r++)
        {
            var row = new JsonObject();
            foreach (string name in names)
            {
                row[name] = table.Value(name, r) switch
                {
                    null => null,
                    double d when double.IsNaN(d) || double.IsInfinity(d) => null,
                    double d => JsonValue.Create(d),
                    int i => JsonValue.Create(i),
                    long l => JsonValue.Create(l),
                    bool b => JsonValue.Create(b),
                    string s => JsonValue.Create(s),
                    DateTime t => JsonValue.Create(t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    var other => JsonValue.Create(other.ToString()),
                };
            }

            rows.Add(row);
        }
    }
}
