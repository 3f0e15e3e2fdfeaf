using System.Globalization;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Engine.Drift.Backtesting;

namespace StemSimulator.Runner.DriftBacktesting;

/// <summary>The console tables of a drift backtest.</summary>
internal static class DriftBacktestReport
{
    public static void Write(IAnsiConsole console, DriftBacktestResult result, DriftBacktestRequest request)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Drift backtest[/]: calibrated up to {request.From}, simulated {request.From + 1}-{request.To} ({request.Trials:N0} trials), scored against the embedded calibration; strengths fitted on {request.FitFrom}-{request.From}."));
        console.Write(ModelTable(console, result));
        console.Write(HorizonTable(console, result, request));
        WriteInSample(console, result);
        WriteScalesAndVolatilities(console, result.Backtest, request);
        WriteStrengths(console, result);
    }

    /// <summary>Every model's overall out-of-sample scores, with its differences from the random walk.</summary>
    private static Table ModelTable(IAnsiConsole console, DriftBacktestResult result)
    {
        var invariant = CultureInfo.InvariantCulture;
        var randomWalk = result.OutOfSample[0];
        var components = DriftBacktest.Components;
        var models = new Table().Border(TableBorders.For(console))
            .AddColumn(new TableColumn("model").NoWrap())
            .AddColumn(new TableColumn("strengths").NoWrap())
            .AddColumn(new TableColumn("cov80 (se)").RightAligned())
            .AddColumn(new TableColumn("cov95 (se)").RightAligned())
            .AddColumn(new TableColumn("point 80/95").RightAligned())
            .AddColumn(new TableColumn("MSE").RightAligned())
            .AddColumn(new TableColumn("log score").RightAligned())
            .AddColumn(new TableColumn("CRPS").RightAligned())
            .AddColumn(new TableColumn("Δ log (se)").RightAligned())
            .AddColumn(new TableColumn("Δ CRPS (se)").RightAligned())
            .AddColumn(new TableColumn("Δ MSE (se)").RightAligned());
        foreach (var e in result.OutOfSample)
        {
            var s = e.Overall;
            string strengths = e.Strengths.All(x => x == 0) ? "-" : string.Join(' ', e.Strengths.Select((x, k) => x > 0 ? string.Create(invariant, $"{Short(components[k].Name)} {x:0.00}") : null).OfType<string>());
            if (e.VolatilityScale != 1)
            {
                strengths += string.Create(invariant, $" σ×{e.VolatilityScale:0.00}");
            }

            bool baseline = ReferenceEquals(e, randomWalk);
            models.AddRow(
                Markup.Escape(e.Model),
                Markup.Escape(strengths.Trim()),
                string.Create(invariant, $"{s.Coverage80:P1} ({s.Coverage80Se:P1})"),
                string.Create(invariant, $"{s.Coverage95:P1} ({s.Coverage95Se:P1})"),
                string.Create(invariant, $"{s.PointCoverage80:P0}/{s.PointCoverage95:P0}"),
                string.Create(invariant, $"{s.Mse:F4}"),
                string.Create(invariant, $"{s.LogScore:F4}"),
                string.Create(invariant, $"{s.Crps:F4}"),
                baseline ? "-" : Difference(e.LogScoreDifference(randomWalk)),
                baseline ? "-" : Difference(e.CrpsDifference(randomWalk)),
                baseline ? "-" : Difference(e.MseDifference(randomWalk)));
        }

        return models;
    }

    /// <summary>Per horizon: the random walk and the recommended model (the random walk itself when no attraction is kept).</summary>
    private static Table HorizonTable(IAnsiConsole console, DriftBacktestResult result, DriftBacktestRequest request)
    {
        var invariant = CultureInfo.InvariantCulture;
        var randomWalk = result.OutOfSample[0];
        var chosen = result.Find(result.Recommended);
        string label = ReferenceEquals(chosen, randomWalk) ? "RW" : "kept";
        var horizons = new Table().Border(TableBorders.For(console))
            .AddColumn("horizon").AddColumn(new TableColumn("n").RightAligned())
            .AddColumn(new TableColumn("RW cov80").RightAligned()).AddColumn(new TableColumn("RW cov95").RightAligned())
            .AddColumn(new TableColumn("RW MSE").RightAligned()).AddColumn(new TableColumn("RW log").RightAligned())
            .AddColumn(new TableColumn($"{label} cov80").RightAligned()).AddColumn(new TableColumn($"{label} cov95").RightAligned())
            .AddColumn(new TableColumn($"{label} MSE").RightAligned()).AddColumn(new TableColumn($"{label} log").RightAligned());
        for (int h = 1; h <= randomWalk.Horizons; h++)
        {
            var rw = randomWalk.AtHorizon(h);
            var k = chosen.AtHorizon(h);
            horizons.AddRow(
                string.Create(invariant, $"{request.From + h} (+{h})"),
                rw.Count.ToString(invariant),
                string.Create(invariant, $"{rw.Coverage80:P1}"),
                string.Create(invariant, $"{rw.Coverage95:P1}"),
                string.Create(invariant, $"{rw.Mse:F4}"),
                string.Create(invariant, $"{rw.LogScore:F3}"),
                string.Create(invariant, $"{k.Coverage80:P1}"),
                string.Create(invariant, $"{k.Coverage95:P1}"),
                string.Create(invariant, $"{k.Mse:F4}"),
                string.Create(invariant, $"{k.LogScore:F3}"));
        }

        return horizons;
    }

    /// <summary>The in-sample scores of each model, against the first.</summary>
    private static void WriteInSample(IAnsiConsole console, DriftBacktestResult result)
    {
        var invariant = CultureInfo.InvariantCulture;
        var backtest = result.Backtest;
        foreach (var e in result.InSample)
        {
            var s = e.Overall;
            var (ls, lsSe) = e.LogScoreDifference(result.InSample[0]);
            console.MarkupLine(Markup.Escape(string.Create(invariant, $"In sample {backtest.Settings.FitFrom + 1}-{backtest.Settings.From}, {e.Model} (σ×{e.VolatilityScale:0.00}): coverage {s.Coverage80:P1} / {s.Coverage95:P1}, MSE {s.Mse:F4}, log score {s.LogScore:F4} ({ls:+0.0000;-0.0000;0.0000} ± {lsSe:F4}), CRPS {s.Crps:F4}")));
        }
    }

    /// <summary>The map of the calibration's scale onto the embedded one, and the volatilities of the backtest and of scenarios.</summary>
    private static void WriteScalesAndVolatilities(IAnsiConsole console, DriftBacktest backtest, DriftBacktestRequest request)
    {
        var invariant = CultureInfo.InvariantCulture;
        var a = backtest.Alignment;
        var v = backtest.Volatility;
        console.MarkupLine(Markup.Escape(string.Create(invariant, $"Scales: embedded = {a.Intercept:F4} + {a.Slope:F4} x calibration to {request.From} (R2 {a.RSquared:F4}, residual sd {a.ResidualSd:F4}, {a.Pairs:N0} member-years)")));
        console.MarkupLine(Markup.Escape(string.Create(invariant, $"Volatilities ({DriftBacktestSettingsText(backtest)}, embedded scale): step {backtest.StepSd:F4}, pooled change {v.PooledRawChange:F4}; ")
            + Describe(v, backtest.StateCodes)));
        var catalog = Scenarios.Reference.ReferenceCatalog.Embedded;
        var scenario = DriftBacktestService.EmbeddedVolatility(catalog);
        console.MarkupLine(Markup.Escape(string.Create(invariant, $"Scenario volatilities (embedded table, {Engine.Drift.DriftVolatility.DefaultFromYear}-{catalog.Calibration.LatestYear}): step {catalog.Calibration.PositionStepSd:F4}, pooled change {scenario.PooledRawChange:F4}; ")
            + Describe(scenario, catalog.States.Where(st => !st.IsObserver).Select(st => st.Code).ToArray())));
    }

    /// <summary>The attraction strengths fitted and kept, and the volatility scales that would make the recommended model right.</summary>
    private static void WriteStrengths(IAnsiConsole console, DriftBacktestResult result)
    {
        var invariant = CultureInfo.InvariantCulture;
        var components = DriftBacktest.Components;
        console.MarkupLine(Markup.Escape("Fitted in sample: " + string.Join(", ", components.Select((c, k) => string.Create(invariant, $"{c.Name} {result.Fitted[k]:0.00}")))
            + "; kept (better out of sample on log score, CRPS and MSE): " + (result.Kept.Any(x => x > 0) ? string.Join(", ", components.Select((c, k) => result.Kept[k] > 0 ? string.Create(invariant, $"{c.Name} {result.Kept[k]:0.00}") : null).OfType<string>()) : "none")));
        console.MarkupLine(Markup.Escape(string.Create(invariant, $"Volatility scale of {result.Recommended}: coverage 80% right at {result.Scale.Coverage80:F2}, 95% at {result.Scale.Coverage95:F2}, best log score at {result.Scale.LogScore:F2} (in sample {result.Scale.LogScoreInSample:F2})")));
    }

    /// <summary>Quartiles, extremes and the named members of calibrated volatilities.</summary>
    private static string Describe(Engine.Drift.DriftVolatility v, IReadOnlyList<string> codes)
    {
        var invariant = CultureInfo.InvariantCulture;
        var measured = Enumerable.Range(0, codes.Count).Where(i => v.Changes[i] > 0).OrderBy(i => v.PerMember[i]).ToArray();
        if (measured.Length == 0)
        {
            return "no changes";
        }

        var sorted = measured.Select(i => v.PerMember[i]).ToArray();
        string quartiles = string.Create(invariant, $"sigma min {sorted[0]:F3} ({codes[measured[0]]}), quartiles {Engine.Drift.PositionForecast.Quantile(sorted, 0.25):F3} / {Engine.Drift.PositionForecast.Quantile(sorted, 0.5):F3} / {Engine.Drift.PositionForecast.Quantile(sorted, 0.75):F3}, max {sorted[^1]:F3} ({codes[measured[^1]]}); ");
        var list = codes.ToList();
        return quartiles + string.Join(", ", DriftBacktestResult.NamedMembers.Select(code => list.IndexOf(code) is var i and >= 0 ? string.Create(invariant, $"{code} {v.PerMember[i]:F3}") : null).OfType<string>());
    }

    private static string Difference((double Difference, double StandardError) d) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(d.Difference, 4):+0.0000;-0.0000;0.0000} ({d.StandardError:F4})");

    private static string DriftBacktestSettingsText(DriftBacktest backtest) =>
        string.Create(CultureInfo.InvariantCulture, $"{backtest.Settings.VolatilityFrom}-{backtest.Settings.From}");

    private static string Short(string name) => name switch
    {
        "brics_cohesion" => "BRICS",
        "eu_cohesion" => "EU",
        "nam_hedging" => "NAM→mid",
        "china_pull_nam" => "CHN→NAM",
        "assembly_reversion" => "all→mid",
        _ => name,
    };
}
