using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Reporting;

/// <summary>A run's data from tables held in memory (the server's), read as <see cref="LoadAsync"/> reads the files.</summary>
internal sealed partial record RunData
{
    /// <summary>
    /// What a report reads from a run folder holding these tables: summary.parquet, member_probabilities.parquet,
    /// concerned_party.parquet (null when the run has none) and statistics.json.
    /// </summary>
    /// <param name="name">What stands for the run folder in the briefing (nothing was written).</param>
    /// <param name="summary">The summary table.</param>
    /// <param name="members">The member probabilities table.</param>
    /// <param name="concernedParty">The concerned party's table, or null.</param>
    /// <param name="statistics">The exact statistics.</param>
    public static RunData FromTables(string name, ParquetColumns summary, ParquetColumns members, ParquetColumns? concernedParty, RunStatistics statistics) => new()
    {
        Folder = name,
        Metadata = summary.Metadata,
        Summary = ReadSummary(summary).ToList(),
        Members = ReadMembers(members).ToList(),
        ConcernedParty = concernedParty is null ? [] : ConcernedRow.Read(concernedParty).ToList(),
        Statistics = statistics,
    };
}
