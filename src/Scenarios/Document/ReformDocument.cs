namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A Council draft voted in a reformed Council (the built-in models of <c>stemsim power</c>): which states take the
/// new seats. The quota and the veto come from the model.
/// </summary>
public sealed class ReformDocument
{
    /// <summary>The model: g4, ufc, veto-two-to-block or veto-restraint (au-ezulwini gives new members a veto, which the vote engine does not model).</summary>
    public required string Model { get; init; }

    /// <summary>The states taking the model's new permanent seats (six in the G4 model).</summary>
    public string[]? NewPermanent { get; init; }

    /// <summary>The states taking the model's additional elected seats (four in the G4 model, ten in UfC).</summary>
    public string[]? NewElected { get; init; }
}
