namespace StemSimulator.Runner.Reporting;

/// <summary>
/// The hook for the drift fan chart of multi-year runs (issue 5: positions and bloc cohesion per year, written to
/// drift.parquet). Until that table exists this section stays out of the briefing; when a run folder holds
/// drift.parquet it says plainly that the chart is not drawn yet rather than drawing something it cannot support.
/// To add the chart: read drift.parquet in <see cref="RunData.LoadAsync"/>, draw the fan (median and 50%/90% bands of
/// each bloc's mean position per year) in <see cref="ChartRenderer"/>, and return it from <see cref="Build"/>.
/// </summary>
internal static class DriftSection
{
    public static BriefingSection? Build(RunData run) => run.NotYetDrawn.Contains("drift.parquet")
        ? new BriefingSection("Drift over the years", [
            new Paragraph("This run has drift.parquet, but this version of the report does not draw its fan chart yet; read the table directly (see docs/outputs.md)."),
        ])
        : null;
}
