using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.VetoRecord;

/// <summary>What <c>stemsim veto-record</c> was asked to do.</summary>
internal sealed record VetoRecordRequest
{
    /// <summary>The shared UN data folder (the layout of ../shared/data/un).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Output folder for veto_followups.parquet and veto_followups.csv.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Replace the output folder if it exists.</summary>
    public bool Force { get; init; }

    /// <summary>Days after a veto in which a General Assembly vote counts as its follow-up.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>First year of the vetoes the estimates rest on.</summary>
    public int FromYear { get; init; } = 1991;

    /// <summary>Last year of the vetoes the estimates rest on (the record "before 2022").</summary>
    public int UntilYear { get; init; } = 2021;

    /// <summary>How the estimates are printed: tables for people, or one CSV/JSON table of every estimate.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Table;
}
