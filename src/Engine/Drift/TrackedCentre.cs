namespace StemSimulator.Engine.Drift;

/// <summary>A bloc centre reported in the drift outputs: the mean position of its members, year by year.</summary>
/// <param name="Label">Name in outputs (a bloc, a member, ASSEMBLY).</param>
/// <param name="MembersByYear">Per year index (0 = the first year), roster indices of the members it averages.</param>
public sealed record TrackedCentre(string Label, IReadOnlyList<IReadOnlyList<int>> MembersByYear);
