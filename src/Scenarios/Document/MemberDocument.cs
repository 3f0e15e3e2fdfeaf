namespace StemSimulator.Scenarios.Document;

/// <summary>
/// How one member leans: a certain vote, direct probabilities, or a shift of its support. At most one of
/// <see cref="Vote"/> and the probabilities.
/// </summary>
public sealed class MemberDocument
{
    /// <summary>A certain vote.</summary>
    public VoteChoiceName? Vote { get; init; }

    /// <summary>Shift of the member's latent support for yes (positive: more likely yes), -10 to 10.</summary>
    public double? Shift { get; init; }

    /// <summary>Probability of voting yes (0 to 1); with <see cref="PAbstain"/> and <see cref="PNo"/>, the rest is absence.</summary>
    public double? PYes { get; init; }

    /// <summary>Probability of abstaining (0 to 1).</summary>
    public double? PAbstain { get; init; }

    /// <summary>Probability of voting no (0 to 1).</summary>
    public double? PNo { get; init; }

    /// <summary>Probability of being absent (0 to 1), replacing the calibrated rate.</summary>
    public double? Absence { get; init; }

    /// <summary>Only in a <c>blocs</c> entry: members of the group it leaves out (ISO3 codes), for example <c>[NGA, GHA]</c>.</summary>
    public string[]? Except { get; init; }
}
