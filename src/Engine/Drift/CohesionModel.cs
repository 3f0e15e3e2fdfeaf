namespace StemSimulator.Engine.Drift;

/// <summary>
/// Which blocs' voting cohesion is counted in the Assembly votes of a multi-year scenario, and which bloc's majority
/// every member's agreement is measured against (<see cref="CohesionStatistics"/>).
/// </summary>
/// <param name="Blocs">The blocs, each with its members (roster indices) per year index of the drift path, dated events applied.</param>
/// <param name="Reference">Index in <paramref name="Blocs"/> of the bloc whose majority agreement is measured against (the EU), or -1.</param>
public sealed record CohesionModel(IReadOnlyList<TrackedCentre> Blocs, int Reference);
