using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Reporting;

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
        var root = new JsonObject();
        IReadOnlyDictionary<string, string>? metadata = null;
        var votes = new JsonArray();
        var elections = new JsonArray();
        string summary = Path.Combine(folder, "summary.parquet");
        if (File.Exists(summary))
        {
            var table = await ParquetColumns.ReadAsync(summary, cancellationToken).ConfigureAwait(false);
            metadata = table.Metadata;
            Rows(table, votes);
        }

        string electionSummary = Path.Combine(folder, "election_summary.parquet");
        if (File.Exists(electionSummary))
        {
            var table = await ParquetColumns.ReadAsync(electionSummary, cancellationToken).ConfigureAwait(false);
            metadata ??= table.Metadata;
            Rows(table, elections);
        }

        foreach (var (key, value) in (metadata ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            string name = key.StartsWith("stemsim.", StringComparison.Ordinal) ? key["stemsim.".Length..] : key;
            root[name] = name is "seed" or "trials" && ulong.TryParse(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
        }

        root["output"] = folder;
        root["seconds"] = Math.Round(seconds, 3);
        root["votes"] = votes;
        root["elections"] = elections;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
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
