namespace StemSimulator.Scenarios.Document;

/// <summary>
/// The reputational cost of a veto on a follow-up vote: a shift of members' latent support for the follow-up,
/// for all members and per bloc (positive: more support for the text that answers the veto), each -5 to 5.
/// </summary>
public sealed class BacklashDocument
{
    /// <summary>Shift for every member.</summary>
    public double? Global { get; init; }

    /// <summary>Additional shift per bloc (EU, NAM, AU, ...), for the bloc's members on the vote's date.</summary>
    public Dictionary<string, double>? Blocs { get; init; }
}
