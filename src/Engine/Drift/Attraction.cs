namespace StemSimulator.Engine.Drift;

/// <summary>
/// A pull on some members' positions in one year: each member of <see cref="On"/> moves a share
/// <see cref="Strength"/> of its distance towards the centre, the mean position of <see cref="Centre"/> that year
/// (a bloc's members, one member such as China, or the whole Assembly).
/// </summary>
/// <param name="Strength">kappa, the share of the distance closed per year, in [0, 1).</param>
/// <param name="On">Roster indices of the members pulled.</param>
/// <param name="Centre">Roster indices of the members whose mean position is the centre (one member: its position).</param>
public sealed record Attraction(double Strength, IReadOnlyList<int> On, IReadOnlyList<int> Centre);
