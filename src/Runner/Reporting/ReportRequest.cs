namespace StemSimulator.Runner.Reporting;

/// <summary>What the user asked <c>stemsim report</c> to do.</summary>
internal sealed record ReportRequest
{
    public required string RunFolder { get; init; }

    /// <summary>The briefing file (default: RUN_DIR/briefing.html or .md).</summary>
    public string? OutputFile { get; init; }

    /// <summary>The format; null: from the output file's extension, else HTML.</summary>
    public ReportFormat? Format { get; init; }

    /// <summary>The scenario file, when it is not where the run recorded it.</summary>
    public string? ScenarioFile { get; init; }

    /// <summary>A power.parquet of 'stemsim power' to include (default: one in the run folder, if any).</summary>
    public string? PowerFile { get; init; }

    /// <summary>Whether an existing file given with --out may be replaced.</summary>
    public bool Force { get; init; }

    public bool Quiet { get; init; }
}
