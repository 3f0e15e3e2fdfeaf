namespace StemSimulator.Engine.Simulation;

/// <summary>The statistics of a run: one entry per variant and vote, baseline first, votes in scenario order.</summary>
/// <param name="FirstTrial">First trial simulated.</param>
/// <param name="Trials">Trials simulated.</param>
/// <param name="Votes">Statistics per variant and vote.</param>
public sealed record SimulationResult(long FirstTrial, long Trials, IReadOnlyList<VoteStatistics> Votes)
{
    /// <summary>Per variant with drift, where the positions went (empty for single-year scenarios).</summary>
    public IReadOnlyList<Drift.DriftStatistics> Drift { get; init; } = [];
}
