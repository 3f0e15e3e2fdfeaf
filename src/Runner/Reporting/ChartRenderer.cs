using System.Globalization;
using ScottPlot;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// Draws the briefing's charts with ScottPlot and returns them as PNG. One method per chart; every chart has a
/// title, labelled axes and a caption that says how to read it, so a chart pasted alone still makes sense.
/// </summary>
internal static class ChartRenderer
{
    private const int Width = 900;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Color Ink = Color.FromHex("#1f3b57");
    private static readonly Color Accent = Color.FromHex("#c0392b");
    private static readonly Color Muted = Color.FromHex("#8fa9c2");
    private static readonly Color Good = Color.FromHex("#2e7d5b");

    /// <summary>
    /// What decides one vote in each run (over the runs in which it was held): the margin, yes votes minus the yes
    /// votes that run needed, as stacked bars of adopted, vetoed and failing runs. A run adopts only right of the
    /// dashed line, so the green bars add up to P(adopted | held) by the sampled votes.
    /// </summary>
    public static Chart Outcome(string voteId, MarginBars bars, string xLabel, string caption)
    {
        var plot = NewPlot();
        var drawn = new List<Bar>();
        foreach (var (margin, adopted, vetoed, fell) in bars.Margins)
        {
            drawn.Add(new Bar { Position = margin, ValueBase = 0, Value = adopted * 100, FillColor = Good, LineWidth = 0, Size = 0.9 });
            drawn.Add(new Bar { Position = margin, ValueBase = adopted * 100, Value = (adopted + vetoed) * 100, FillColor = Accent, LineWidth = 0, Size = 0.9 });
            drawn.Add(new Bar { Position = margin, ValueBase = (adopted + vetoed) * 100, Value = (adopted + vetoed + fell) * 100, FillColor = Muted, LineWidth = 0, Size = 0.9 });
        }

        plot.Add.Bars(drawn);
        plot.Add.VerticalLine(-0.5, 2, Ink, LinePattern.Dashed);
        var legend = new List<LegendItem>
        {
            new() { LabelText = string.Create(Invariant, $"adopted ({bars.AdoptedShare * 100:0.0}%)"), FillColor = Good },
        };
        double vetoedShare = bars.Margins.Sum(m => m.Vetoed);
        if (vetoedShare > 0)
        {
            legend.Add(new LegendItem { LabelText = string.Create(Invariant, $"enough yes votes, vetoed ({vetoedShare * 100:0.0}%)"), FillColor = Accent });
        }

        legend.Add(new LegendItem { LabelText = string.Create(Invariant, $"too few yes votes ({bars.Margins.Sum(m => m.Short) * 100:0.0}%)"), FillColor = Muted });
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Alignment.UpperLeft, Orientation.Vertical);
        double top = bars.Margins.Max(m => m.Adopted + m.Vetoed + m.Short) * 100;
        double lowest = bars.Margins.Min(m => m.Margin) - 0.6;
        double highest = bars.Margins.Max(m => m.Margin) + 0.6;
        plot.Axes.SetLimits(lowest, highest, 0, Math.Min(100, top * 1.45));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title($"What decides it: {voteId}");
        plot.XLabel(xLabel);
        plot.YLabel("% of runs in which it was held");
        return Render(plot, $"outcome-{Wording.Slug(voteId)}", caption, 400);
    }

    /// <summary>P(adopted) of one vote per variant, with the 95% Monte Carlo interval of each.</summary>
    public static Chart AdoptionByVariant(string voteId, IReadOnlyList<SummaryRow> rows, string caption)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        var labels = new List<Tick>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            int position = rows.Count - 1 - i;
            bars.Add(new Bar
            {
                Position = position,
                Value = row.PAdopted * 100,
                FillColor = i == 0 ? Ink : Muted,
                LineWidth = 0,
                Size = 0.6,
            });
            labels.Add(new Tick(position, $"{Shorten(row.Variant, 24)} {Wording.Percent(row.PAdopted)}"));
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        AddIntervals(plot, rows.Select((r, i) => (Position: (double)(rows.Count - 1 - i), Lower: r.PAdoptedLo95 * 100, Upper: r.PAdoptedHi95 * 100)));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.ToArray());
        plot.Axes.SetLimitsX(0, 100);
        plot.Title($"P(adopted) per variant: {voteId}");
        plot.XLabel("% of runs adopted (bar: estimate; whisker: 95% Monte Carlo interval)");
        return Render(plot, $"variants-{Wording.Slug(voteId)}", caption, 90 + (55 * rows.Count) + 90);
    }

    /// <summary>
    /// The members whose vote most often decides the outcome (swing), with their P(yes) in the label and each swing's
    /// Monte Carlo standard error (NaN when unknown) in the label and as a whisker of ± 1.96 of it.
    /// </summary>
    public static Chart Swing(string voteId, IReadOnlyList<MemberRow> members, IReadOnlyList<double> standardErrors, string caption)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        var labels = new List<Tick>();
        for (int i = 0; i < members.Count; i++)
        {
            var m = members[i];
            int position = members.Count - 1 - i;
            bars.Add(new Bar
            {
                Position = position,
                Value = m.Swing,
                FillColor = Ink,
                LineWidth = 0,
                Size = 0.7,
                Label = double.IsNaN(standardErrors[i])
                    ? string.Create(Invariant, $"{m.Swing:0.000}  (P(yes) {m.PYes:0.00})")
                    : string.Create(Invariant, $"{m.Swing:0.000} ± {standardErrors[i]:0.000}  (P(yes) {m.PYes:0.00})"),
            });
            labels.Add(new Tick(position, Shorten($"{m.Member} {m.Name}", 28)));
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.ToArray());
        AddIntervals(plot, members.Select((m, i) => (Position: (double)(members.Count - 1 - i), Lower: m.Swing - (1.96 * standardErrors[i]), Upper: m.Swing + (1.96 * standardErrors[i]))));
        double max = members.Count == 0 ? 1 : members.Max(m => m.Swing);
        plot.Axes.SetLimitsX(0, max * 1.6);
        plot.Title($"Who decides it: {voteId}");
        plot.XLabel("swing = P(adopted | votes yes) - P(adopted | votes no)");
        return Render(plot, $"swing-{Wording.Slug(voteId)}", caption, 110 + (32 * members.Count) + 60);
    }

    /// <summary>P(veto) per permanent member of one Council draft, with 95% intervals.</summary>
    public static Chart VetoByPermanentMember(string voteId, IReadOnlyDictionary<string, double> pVeto, long trials, string caption)
    {
        var plot = NewPlot();
        var codes = pVeto.Keys.Order(StringComparer.Ordinal).ToArray();
        var bars = codes.Select((code, i) => new Bar
        {
            Position = i,
            Value = pVeto[code] * 100,
            FillColor = pVeto[code] >= 0.5 ? Accent : Muted,
            LineWidth = 0,
            Size = 0.6,
        }).ToList();
        plot.Add.Bars(bars);
        AddIntervals(plot, codes.Select((code, i) =>
        {
            var (lower, upper) = Wording.Wilson(pVeto[code], trials);
            return (Position: (double)i, Lower: lower * 100, Upper: upper * 100);
        }), vertical: true);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(codes.Select((c, i) => new Tick(i, $"{c} {Wording.Percent(pVeto[c])}")).ToArray());
        plot.Axes.SetLimitsY(0, 100);
        plot.Title($"Veto by permanent member: {voteId}");
        plot.YLabel("% of runs with this member's veto");
        return Render(plot, $"veto-{Wording.Slug(voteId)}", caption, 360);
    }

    /// <summary>Votes that wait for an earlier outcome: P(held), P(adopted) and P(adopted | trigger) side by side.</summary>
    public static Chart Chain(IReadOnlyList<SummaryRow> rows, string caption)
    {
        var plot = NewPlot();
        var series = new (string Name, Color Color, Func<SummaryRow, double> Value)[]
        {
            ("P(held)", Muted, r => r.PHeld),
            ("P(adopted), all runs", Ink, r => r.PAdopted),
            ("P(adopted | trigger)", Good, r => r.PAdoptedGivenTrigger ?? double.NaN),
            ("P(adopted | held)", Color.FromHex("#7fb89c"), r => r.PAdoptedGivenHeld ?? double.NaN),
        };
        var bars = new List<Bar>();
        var labels = new List<ValueLabel>();
        for (int i = 0; i < rows.Count; i++)
        {
            for (int s = 0; s < series.Length; s++)
            {
                double value = series[s].Value(rows[i]);
                if (double.IsNaN(value))
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = (i * 5) + s,
                    Value = value * 100,
                    FillColor = series[s].Color,
                    LineWidth = 0,
                    Size = 0.9,
                });
                labels.Add(new ValueLabel((i * 5) + s, value * 100, Wording.Percent(value), series[s].Color));
            }
        }

        plot.Add.Bars(bars);
        AddValueLabels(plot, labels, horizontal: false);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(rows.Select((r, i) => new Tick((i * 5) + 1.5, r.VoteId)).ToArray());
        plot.Axes.SetLimitsY(0, 100);
        plot.YLabel("% of runs");
        plot.Title("Votes that wait for an earlier outcome");
        plot.Legend.ManualItems.AddRange(series.Select(s => new LegendItem { LabelText = s.Name, FillColor = s.Color }));
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return Render(plot, "chain", caption, 380);
    }

    /// <summary>P(elected) per candidate of one election, grouped by seat group, with 95% intervals.</summary>
    public static Chart Election(string electionId, IReadOnlyList<CandidateRow> candidates, string caption)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        var labels = new List<ValueLabel>();
        var ticks = new List<Tick>();
        var intervals = new List<(double Position, double Lower, double Upper)>();
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            int position = candidates.Count - 1 - i;
            var fill = c.Compromise ? Muted : Ink;
            bars.Add(new Bar
            {
                Position = position,
                Value = c.PElected * 100,
                FillColor = fill,
                LineWidth = 0,
                Size = 0.6,
            });
            double upper = Math.Min(1, c.PElected + (1.96 * c.PElectedSe)) * 100;
            intervals.Add((position, Math.Max(0, c.PElected - (1.96 * c.PElectedSe)) * 100, upper));
            labels.Add(new ValueLabel(position, c.PElected * 100, Wording.Percent(c.PElected), fill, upper));
            ticks.Add(new Tick(position, Shorten($"{c.Candidate} {c.Name} ({c.SeatGroup})", 34)));
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        AddIntervals(plot, intervals);
        AddValueLabels(plot, labels, horizontal: true);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.SetLimitsX(0, 100);
        plot.Title($"P(elected): {electionId}");
        plot.XLabel("% of runs elected (whisker: 95% Monte Carlo interval)");
        return Render(plot, $"election-{Wording.Slug(electionId)}", caption, 110 + (45 * candidates.Count) + 60);
    }

    /// <summary>Shapley-Shubik power per seat type and council model.</summary>
    public static Chart Power(IReadOnlyList<(string Label, double ShapleyShubik)> seats, string caption)
    {
        var plot = NewPlot();
        var bars = seats.Select((s, i) => new Bar
        {
            Position = seats.Count - 1 - i,
            Value = s.ShapleyShubik,
            FillColor = Ink,
            LineWidth = 0,
            Size = 0.6,
            Label = s.ShapleyShubik.ToString("0.0000", Invariant),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(seats.Select((s, i) => new Tick(seats.Count - 1 - i, Shorten(s.Label, 40))).ToArray());
        plot.Axes.SetLimitsX(0, Math.Max(0.01, seats.Max(s => s.ShapleyShubik)) * 1.3);
        plot.Title("Voting power per seat (Shapley-Shubik)");
        plot.XLabel("share of voting orders in which one seat of this type is pivotal");
        return Render(plot, "power", caption, 110 + (32 * seats.Count) + 60);
    }

    /// <summary>
    /// Fan chart of drifted positions per year: for each series (a centre or a member) the median as a line and the 80%
    /// (p10-p90) and 90% (p05-p95) bands over trials as shaded areas.
    /// </summary>
    public static Chart DriftFan(IReadOnlyList<DriftRow> rows, string title, string caption)
    {
        var plot = NewPlot();
        var palette = new ScottPlot.Palettes.Category10();
        int index = 0;
        foreach (var series in rows.GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var points = series.OrderBy(r => r.Year).ToArray();
            double[] years = points.Select(r => (double)r.Year).ToArray();
            var color = palette.GetColor(index++);
            var outer = plot.Add.FillY(years, points.Select(r => r.P05).ToArray(), points.Select(r => r.P95).ToArray());
            outer.FillStyle.Color = color.WithAlpha(0.12);
            outer.LineStyle.Width = 0;
            var inner = plot.Add.FillY(years, points.Select(r => r.P10).ToArray(), points.Select(r => r.P90).ToArray());
            inner.FillStyle.Color = color.WithAlpha(0.22);
            inner.LineStyle.Width = 0;
            var median = plot.Add.Scatter(years, points.Select(r => r.P50).ToArray(), color);
            median.LineWidth = 2.5f;
            median.MarkerSize = 5;
            median.LegendText = series.Key;
        }

        plot.Axes.Bottom.TickGenerator = YearTicks();
        plot.Title(title);
        plot.XLabel("year");
        plot.YLabel("position (calibration scale)");
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot, "drift-fan", caption, 460);
    }

    /// <summary>
    /// P(adopted) by the year of the vote, one colour per variant: the overall P(adopted) as a line with its 95% Monte
    /// Carlo whiskers, and the spread over trials of P(adopted | the trial's drifted positions and shocks) as bands
    /// (p25-p75 darker, p05-p95 lighter). The line is the mean of that spread.
    /// </summary>
    public static Chart AdoptionFan(IReadOnlyList<AdoptionYearRow> rows, string baseline, string caption)
    {
        var plot = NewPlot();
        var palette = new ScottPlot.Palettes.Category10();
        int index = 0;
        foreach (var variant in rows.GroupBy(r => r.Variant).OrderBy(g => g.Key == baseline ? 0 : 1))
        {
            var points = variant.OrderBy(r => r.Year).ToArray();
            double[] x = points.Select(r => (double)r.Year).ToArray();
            var color = palette.GetColor(index++);
            if (points.Length > 1)
            {
                var outer = plot.Add.FillY(x, points.Select(r => r.P05 * 100).ToArray(), points.Select(r => r.P95 * 100).ToArray());
                outer.FillStyle.Color = color.WithAlpha(0.10);
                outer.LineStyle.Width = 0;
                var inner = plot.Add.FillY(x, points.Select(r => r.P25 * 100).ToArray(), points.Select(r => r.P75 * 100).ToArray());
                inner.FillStyle.Color = color.WithAlpha(0.20);
                inner.LineStyle.Width = 0;
            }

            var line = plot.Add.Scatter(x, points.Select(r => r.PAdopted * 100).ToArray(), color);
            line.LineWidth = variant.Key == baseline ? 3f : 1.8f;
            line.MarkerSize = 7;
            line.LegendText = variant.Key;
            AddIntervals(plot, points.Select((r, i) => (x[i], r.Lo95 * 100, r.Hi95 * 100)), vertical: true);
        }

        plot.Axes.Bottom.TickGenerator = YearTicks();
        plot.Axes.SetLimitsY(0, 100);
        plot.Title("P(adopted) by year, and how much it depends on the drift");
        plot.XLabel("year of the vote");
        plot.YLabel("% adopted");
        plot.ShowLegend(Alignment.LowerLeft);
        return Render(plot, "adoption-by-year", caption, 440);
    }

    private static ScottPlot.TickGenerators.NumericAutomatic YearTicks() => new()
    {
        IntegerTicksOnly = true,
        LabelFormatter = year => year.ToString("0", Invariant),
    };

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Axes.Title.Label.FontSize = 17;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.MajorLineColor = Color.FromHex("#e6e9ee");
        return plot;
    }

    private static void AddIntervals(Plot plot, IEnumerable<(double Position, double Lower, double Upper)> intervals, bool vertical = false)
    {
        foreach (var (position, lower, upper) in intervals)
        {
            if (double.IsNaN(lower) || double.IsNaN(upper))
            {
                continue;
            }

            var line = vertical
                ? plot.Add.Line(position, lower, position, upper)
                : plot.Add.Line(lower, position, upper, position);
            line.LineWidth = 2.5f;
            line.LineColor = Color.FromHex("#333333");
            line.MarkerSize = 0;
        }
    }

    /// <summary>
    /// Bars' value labels that stay inside a 0-100% axis: beyond the bar's end (or its whisker's, when given) where there
    /// is room, otherwise inside the bar's end in a colour readable on its fill. Added after the bars so they draw on top.
    /// </summary>
    private static void AddValueLabels(Plot plot, IEnumerable<ValueLabel> labels, bool horizontal)
    {
        const double Room = 88;
        foreach (var (position, value, text, fill, outsideFrom) in labels)
        {
            double end = Math.Max(value, outsideFrom ?? value);
            bool inside = end > Room;
            double at = inside ? value : end;
            var label = horizontal ? plot.Add.Text(text, at, position) : plot.Add.Text(text, position, at);
            label.LabelFontSize = 12;
            label.LabelAlignment = (horizontal, inside) switch
            {
                (true, true) => Alignment.MiddleRight,
                (true, false) => Alignment.MiddleLeft,
                (false, true) => Alignment.UpperCenter,
                (false, false) => Alignment.LowerCenter,
            };
            label.LabelFontColor = inside && Luminance(fill) < 0.5 ? Colors.White : Ink;
            label.LabelOffsetX = horizontal ? (inside ? -4 : 4) : 0;
            label.LabelOffsetY = horizontal ? 0 : (inside ? 3 : -3);
        }
    }

    /// <summary>Relative luminance of a colour, 0 (black) to 1 (white), as WCAG defines it for sRGB.</summary>
    private static double Luminance(Color color)
    {
        static double Linear(byte channel)
        {
            double c = channel / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));
    }

    private static Chart Render(Plot plot, string name, string caption, int height)
    {
        height = Math.Clamp(height, 260, 1400);
        byte[] png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        return new Chart(name, caption, png, Width, height);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>A bar's value label: the bar's position and value (0-100), its text and fill, and where its whisker ends.</summary>
    private readonly record struct ValueLabel(double Position, double Value, string Text, Color Fill, double? OutsideFrom = null);
}
