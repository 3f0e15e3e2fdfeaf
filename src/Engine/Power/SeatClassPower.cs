namespace StemSimulator.Engine.Power;

/// <summary>The voting power of each seat of one class (all seats of a class have equal power).</summary>
/// <param name="Class">The seat class.</param>
/// <param name="PerSeat">The indices of one seat of the class.</param>
/// <param name="Swings">
/// eta: the number of coalitions of the other members for which one seat of this class is a swing (0 to 2^(n-1));
/// an integer, held as a double because it can exceed 2^64.
/// </param>
public sealed record SeatClassPower(SeatClass Class, PowerIndices PerSeat, double Swings);
