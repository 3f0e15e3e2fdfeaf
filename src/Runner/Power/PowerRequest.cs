using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Power;

/// <summary>What <c>stemsim power</c> was asked to do.</summary>
internal sealed record PowerRequest
{
    /// <summary>Built-in council names, council files, or <c>all</c>; empty means all built-in models.</summary>
    public required IReadOnlyList<string> Councils { get; init; }

    /// <summary>The folder that receives <c>power.parquet</c>, or null for <c>runs/power</c>.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Replace an existing <c>power.parquet</c>.</summary>
    public bool Force { get; init; }

    /// <summary>Print nothing but errors.</summary>
    public bool Quiet { get; init; }

    /// <summary>How the power table is printed: for people, or CSV or JSON with nothing else on standard output.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Table;
}
