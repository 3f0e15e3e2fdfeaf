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

    /// <summary>Who is pulled: a bloc, or a list of members; default the members of <see cref="Toward"/> when it is a bloc.</summary>
    public string[]? On { get; init; }

    /// <summary>kappa, the share of the distance closed per year, 0 to 0.5.</summary>
    public required double Strength { get; init; }
}
