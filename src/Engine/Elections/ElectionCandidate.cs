using StemSimulator.Engine.Members;

namespace StemSimulator.Engine.Elections;

/// <summary>A candidate for a seat.</summary>
/// <param name="Code">ISO3 code of the candidate state.</param>
/// <param name="SeatGroup">Index of its seat group in <see cref="ElectionModel.SeatGroups"/>.</param>
/// <param name="Voter">Its own index in <see cref="ElectionModel.Voters"/> (it votes for itself).</param>
/// <param name="Group">Its regional group.</param>
/// <param name="Campaign">Campaign strength: utility every member adds for it (-20 to 20).</param>
/// <param name="IsCompromise">True for a compromise candidate, who stands only after a declared candidate withdraws.</param>
public sealed record ElectionCandidate(string Code, int SeatGroup, int Voter, RegionalGroup Group, double Campaign, bool IsCompromise);
