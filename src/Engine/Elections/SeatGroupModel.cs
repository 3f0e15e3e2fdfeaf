using StemSimulator.Engine.Members;

namespace StemSimulator.Engine.Elections;

/// <summary>
/// The seats of one regional group filled in one election, balloted on separately from the other groups (rule 94:
/// places "to be filled at one time under the same conditions").
/// </summary>
/// <param name="Region">The regional group.</param>
/// <param name="Seats">Seats to fill, &gt;= 1.</param>
/// <param name="Candidates">Indices in <see cref="ElectionModel.Candidates"/> of all its candidates, declared first, then compromise ones.</param>
public sealed record SeatGroupModel(RegionalGroup Region, int Seats, IReadOnlyList<int> Candidates);
