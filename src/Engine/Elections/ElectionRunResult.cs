namespace StemSimulator.Engine.Elections;

/// <summary>The statistics of a run's elections: one entry per variant and election, baseline first, elections in scenario order.</summary>
/// <param name="FirstTrial">First trial simulated.</param>
/// <param name="Trials">Trials simulated.</param>
/// <param name="Elections">Counts per variant and election.</param>
public sealed record ElectionRunResult(long FirstTrial, long Trials, IReadOnlyList<ElectionStatistics> Elections);
