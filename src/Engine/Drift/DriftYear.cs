namespace StemSimulator.Engine.Drift;

/// <summary>What moves positions from one year to the next.</summary>
/// <param name="Attractions">The pulls acting in the step into this year (membership as of this year).</param>
/// <param name="Shifts">Dated shifts (a government change): roster index and shift of its position.</param>
/// <param name="GlobalShockSd">Standard deviation of a shift of every position this year (a global shock), &gt;= 0.</param>
public sealed record DriftYear(IReadOnlyList<Attraction> Attractions, IReadOnlyList<(int Member, double Shift)> Shifts, double GlobalShockSd);
