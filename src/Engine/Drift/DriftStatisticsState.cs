namespace StemSimulator.Engine.Drift;

/// <summary>
/// Everything a <see cref="DriftStatistics"/> holds, as plain data: its shape (years, members, labels) and its integer
/// counts, so shards can store it and the states of all shards add up exactly to the whole run's.
/// </summary>
/// <param name="Variant">Variant name.</param>
/// <param name="FromYear">First year of the path.</param>
/// <param name="Years">Years covered.</param>
/// <param name="Members">Roster members.</param>
/// <param name="CentreLabels">Tracked centres.</param>
/// <param name="BlocLabels">Blocs whose cohesion is counted.</param>
/// <param name="AdoptionVotes">Votes of the variant's adoption fan.</param>
/// <param name="Trials">Trials counted.</param>
/// <param name="MemberCounts">See <see cref="DriftStatistics.MemberCounts"/>.</param>
/// <param name="CentreCounts">See <see cref="DriftStatistics.CentreCounts"/>.</param>
/// <param name="WithMajority">See <see cref="CohesionStatistics.WithMajority"/>.</param>
/// <param name="Present">See <see cref="CohesionStatistics.Present"/>.</param>
/// <param name="Counted">See <see cref="CohesionStatistics.Counted"/>.</param>
/// <param name="Agreements">See <see cref="CohesionStatistics.Agreements"/>.</param>
/// <param name="Comparisons">See <see cref="CohesionStatistics.Comparisons"/>.</param>
/// <param name="AdoptionCounts">See <see cref="AdoptionFan.Counts"/>.</param>
/// <param name="AdoptionHeld">See <see cref="AdoptionFan.Held"/>.</param>
public sealed record DriftStatisticsState(
    string Variant,
    int FromYear,
    int Years,
    int Members,
    IReadOnlyList<string> CentreLabels,
    IReadOnlyList<string> BlocLabels,
    int AdoptionVotes,
    long Trials,
    long[] MemberCounts,
    long[] CentreCounts,
    long[] WithMajority,
    long[] Present,
    long[] Counted,
    long[] Agreements,
    long[] Comparisons,
    long[] AdoptionCounts,
    long[] AdoptionHeld);
