namespace StemSimulator.Runner.Reporting;

/// <summary>The formats of <c>stemsim report</c>.</summary>
internal enum ReportFormat
{
    /// <summary>One self-contained HTML file, charts embedded.</summary>
    Html,

    /// <summary>Markdown with the charts as PNG files beside it.</summary>
    Md,
}
