namespace StemSimulator.Engine.Simulation;

/// <summary>How far a run has come.</summary>
/// <param name="Done">Trials finished.</param>
/// <param name="Total">Trials in the run.</param>
public readonly record struct SimulationProgress(long Done, long Total);
