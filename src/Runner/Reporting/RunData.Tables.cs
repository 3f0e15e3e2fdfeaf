using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Reporting;

/// <summary>A run's data from tables held in memory (the server's), read as <see cref="LoadAsync"/> reads the files.</summary>
internal sealed partial record RunData
{
    /// <summary>
    /// What a report reads from a run folder holding these tables: summary.parquet, member_probabilities.parquet,
    /// concerned_party.parquet, election_summary.parquet (each null when the run has none) and statistics.json.
    /// </summary>
    /// <param name="name">What stands for the run folder in the briefing (nothing was written).</param>
    /// <param name="summary">The summary table, or null for a run of elections only.</param>
    /// <param name="members">The member probabilities table, or null for a run of elections only.</param>
    /// <param name="concernedParty">The concerned party's table, or null.</param>
    /// <param name="electionSummary">The election summary, or null for a run without elections.</param>
    /// <param name="statistics">The exact statistics.</param>
    public static RunData FromTables(string name, ParquetColumns? summary, ParquetColumns? members, ParquetColumns? concernedParty, ParquetColumns? electionSummary, RunStatistics statistics) => new()
    {
        Folder = name,
        Metadata = summary?.Metadata ?? electionSummary?.Metadata ?? new Dictionary<string, string>(),
        Summary = summary is null ? [] : ReadSummary(summary).ToList(),
        Members = members is null ? [] : ReadMembers(members).ToList(),
        ConcernedParty = concernedParty is null ? [] : ConcernedRow.Read(concernedParty).ToList(),
        Candidates = electionSummary is null ? [] : ReadCandidates(electionSummary).ToList(),
        Statistics = summary is null ? null : statistics,
    };
}
