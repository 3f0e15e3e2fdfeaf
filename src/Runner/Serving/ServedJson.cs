using System.Text.Json.Nodes;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Reporting;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Serving;

/// <summary>The parts of the server's answers beyond what <c>run --json</c> prints: headlines, member rows, warnings.</summary>
internal static class ServedJson
{
    /// <summary>
    /// Per variant and vote, what a briefing says of the summary row: the odds in words and the headline percentage
    /// (<see cref="Wording"/>), the 90% ranges of the counts, and the difference from the baseline in points.
    /// </summary>
    public static JsonArray Headlines(JsonArray votes)
    {
        var rows = new JsonArray();
        foreach (var vote in votes.OfType<JsonObject>())
        {
            double p = (double?)vote["p_adopted"] ?? double.NaN;
            double? diff = (double?)vote["diff_vs_baseline"];
            rows.Add(new JsonObject
            {
                ["variant"] = vote["variant"]?.DeepClone(),
                ["vote_id"] = vote["vote_id"]?.DeepClone(),
                ["odds"] = Wording.Odds(p),
                ["headline"] = Wording.Headline(p),
                ["yes_range"] = Wording.Range((int?)vote["yes_p05"], (int?)vote["yes_p95"]),
                ["no_range"] = Wording.Range((int?)vote["no_p05"], (int?)vote["no_p95"]),
                ["abstain_range"] = Wording.Range((int?)vote["abstain_p05"], (int?)vote["abstain_p95"]),
                ["difference"] = diff is { } d ? Wording.Points(d, (double?)vote["diff_se_paired"]) : null,
            });
        }

        return rows;
    }

    /// <summary>The rows of the member probabilities table (member_probabilities.parquet), one object each.</summary>
    public static JsonArray Members(ParquetColumns table)
    {
        var variant = table.Text("variant");
        var vote = table.Text("vote_id");
        var member = table.Text("member");
        var name = table.Text("name");
        var group = table.Text("regional_group");
        var blocs = table.Text("blocs");
        var yes = table.Number("p_yes");
        var abstain = table.Number("p_abstain");
        var no = table.Number("p_no");
        var absent = table.Number("p_absent");
        var swing = table.Number("swing");
        var rows = new JsonArray();
        for (int i = 0; i < table.RowCount; i++)
        {
            rows.Add(new JsonObject
            {
                ["variant"] = variant[i],
                ["vote_id"] = vote[i],
                ["member"] = member[i],
                ["name"] = name[i],
                ["regional_group"] = group[i],
                ["blocs"] = blocs[i],
                ["p_yes"] = Finite(yes[i]),
                ["p_abstain"] = Finite(abstain[i]),
                ["p_no"] = Finite(no[i]),
                ["p_absent"] = Finite(absent[i]),
                ["swing"] = Finite(swing[i]),
            });
        }

        return rows;
    }

    /// <summary>The scenario's warnings with their line and column.</summary>
    public static JsonArray Warnings(ScenarioLoadResult loaded) =>
        new([.. loaded.Warnings.Select(w => (JsonNode)new JsonObject { ["line"] = w.Location.Line, ["column"] = w.Location.Column, ["message"] = w.Message })]);

    /// <summary>A vote never held has no member probabilities (0/0): null, as JSON has no NaN.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
