namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A pull: each member of <see cref="On"/> moves, every year, a share <see cref="Strength"/> of its distance to the
/// centre of <see cref="Toward"/> (the mean drifted position of a bloc's members that year, one member's position,
/// or ASSEMBLY for the mean of all members: hedging towards the middle).
/// </summary>
public sealed class AttractionDocument
{
    /// <summary>A bloc (BRICS, EU, NAM, ...), a member (CHN) or ASSEMBLY.</summary>
    public required string Toward { get; init; }

    /// <summary>
    /// Who is pulled: blocs, members, or ASSEMBLY for every member; default the members of <see cref="Toward"/> when it
    /// is a bloc. <c>{ toward: ASSEMBLY, on: [ASSEMBLY] }</c> is plain mean reversion, the one pull the drift backtest kept.
    /// </summary>
    public string[]? On { get; init; }

    /// <summary>kappa, the share of the distance closed per year, 0 to 0.5.</summary>
    public required double Strength { get; init; }
}
