using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Backtesting;

namespace StemSimulator.Runner.Backtesting;

/// <summary>The console table of a backtest: per protocol and model the scores over all test years.</summary>
internal static class BacktestReport
{
    private static readonly string[] Metrics =
        ["accuracy", "macro_f1", "f1_yes", "f1_abstain", "f1_no", "log_loss", "brier", "ece", "apre", "coverage80", "coverage95", "adoption_brier", "votes", "roll_calls"];

    public static Table Build(IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("protocol").NoWrap())
            .AddColumn(new TableColumn("model").NoWrap());
        foreach (var metric in Metrics)
        {
            table.AddColumn(new TableColumn(Header(metric)).RightAligned());
        }

        var overall = rows.Where(r => r.Year is null && r.Protocol is "recurring" or "new").ToArray();
        foreach (var group in overall.GroupBy(r => (r.Protocol, r.Model))
            .OrderBy(g => g.Key.Protocol == "recurring" ? 0 : 1)
            .ThenBy(g => ScoreBoard.ModelOrder(g.Key.Model)))
        {
            var values = group.ToDictionary(r => r.Metric, r => r.Value, StringComparer.Ordinal);
            var cells = new List<string> { group.Key.Protocol, group.Key.Model };
            cells.AddRange(Metrics.Select(m => values.TryGetValue(m, out double v) ? Format(m, v) : "-"));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        return table;
    }

    /// <summary>The same figures as a Markdown table (for the README).</summary>
    public static string Markdown(IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows)
    {
        var lines = new List<string>
        {
            "| protocol | model | " + string.Join(" | ", Metrics) + " |",
            "|---|---|" + string.Concat(Enumerable.Repeat("---:|", Metrics.Length)),
        };
        foreach (var group in rows.Where(r => r.Year is null && r.Protocol is "recurring" or "new")
            .GroupBy(r => (r.Protocol, r.Model))
            .OrderBy(g => g.Key.Protocol == "recurring" ? 0 : 1)
            .ThenBy(g => ScoreBoard.ModelOrder(g.Key.Model)))
        {
            var values = group.ToDictionary(r => r.Metric, r => r.Value, StringComparer.Ordinal);
            lines.Add($"| {group.Key.Protocol} | {group.Key.Model} | " + string.Join(" | ", Metrics.Select(m => values.TryGetValue(m, out double v) ? Format(m, v) : "-")) + " |");
        }

        AddArgmax(lines, rows);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// For models whose hard classes follow fitted decision weights: the same figures under the plain argmax, and the
    /// weights per test year (nothing when no model has them).
    /// </summary>
    private static void AddArgmax(List<string> lines, IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows)
    {
        string[] argmax = ["accuracy", "macro_f1", "f1_yes", "f1_abstain", "f1_no", "apre"];
        var plain = rows.Where(r => r.Year is null && r.Protocol is "recurring" or "new" && r.Metric.EndsWith("_argmax", StringComparison.Ordinal))
            .GroupBy(r => (r.Protocol, r.Model))
            .OrderBy(g => g.Key.Protocol == "recurring" ? 0 : 1)
            .ThenBy(g => ScoreBoard.ModelOrder(g.Key.Model))
            .ToArray();
        if (plain.Length == 0)
        {
            return;
        }

        lines.Add(string.Empty);
        lines.Add("Hard classes under the plain argmax (the table above decides with the fitted decision weights):");
        lines.Add(string.Empty);
        lines.Add("| protocol | model | " + string.Join(" | ", argmax) + " |");
        lines.Add("|---|---|" + string.Concat(Enumerable.Repeat("---:|", argmax.Length)));
        foreach (var group in plain)
        {
            var values = group.ToDictionary(r => r.Metric, r => r.Value, StringComparer.Ordinal);
            lines.Add($"| {group.Key.Protocol} | {group.Key.Model} | " + string.Join(" | ", argmax.Select(m => values.TryGetValue(m + "_argmax", out double v) ? Format(m, v) : "-")) + " |");
        }

        AddDecisionWeights(lines, rows);
    }

    /// <summary>The decision weights (w_no / w_abstain) per test year and model, when the rows have them.</summary>
    private static void AddDecisionWeights(List<string> lines, IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows)
    {
        var weights = rows.Where(r => r.Protocol == "parameters" && r.Year is not null && r.Metric.StartsWith("decision_weight_", StringComparison.Ordinal)).ToArray();
        if (weights.Length == 0)
        {
            return;
        }

        lines.Add(string.Empty);
        lines.Add("Decision weights (w_no / w_abstain) per test year, fitted on the forecasts of the earlier fitted years:");
        lines.Add(string.Empty);
        var columns = weights.Select(r => (r.Model, Protocol: r.Metric[(r.Metric.LastIndexOf('_') + 1)..])).Distinct()
            .OrderBy(c => c.Protocol == "recurring" ? 0 : 1).ThenBy(c => ScoreBoard.ModelOrder(c.Model)).ToArray();
        lines.Add("| test_year | " + string.Join(" | ", columns.Select(c => $"{c.Protocol} {c.Model}")) + " |");
        lines.Add("|---:|" + string.Concat(Enumerable.Repeat("---:|", columns.Length)));
        foreach (int year in weights.Select(r => r.Year!.Value).Distinct().Order())
        {
            string Cell((string Model, string Protocol) c)
            {
                var no = weights.FirstOrDefault(r => r.Year == year && r.Model == c.Model && r.Metric == $"decision_weight_no_{c.Protocol}");
                var abstain = weights.FirstOrDefault(r => r.Year == year && r.Model == c.Model && r.Metric == $"decision_weight_abstain_{c.Protocol}");
                return no.Model is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{no.Value:0.00} / {abstain.Value:0.00}");
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {year} | ") + string.Join(" | ", columns.Select(Cell)) + " |");
        }
    }

    /// <summary>Short column headers so the table fits a terminal: "macro_f1" as "macro F1", "coverage80" as "cov80".</summary>
    private static string Header(string metric) => metric switch
    {
        "accuracy" => "acc",
        "macro_f1" => "macro F1",
        "f1_yes" => "F1 yes",
        "f1_abstain" => "F1 abst",
        "f1_no" => "F1 no",
        "log_loss" => "log loss",
        "coverage80" => "cov80",
        "coverage95" => "cov95",
        "adoption_brier" => "adopt brier",
        "roll_calls" => "roll calls",
        _ => metric,
    };

    private static string Format(string metric, double value) => metric is "votes" or "roll_calls"
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.000", CultureInfo.InvariantCulture);
}
