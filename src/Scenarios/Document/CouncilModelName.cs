namespace StemSimulator.Scenarios.Document;

/// <summary>Which model gives the permanent members' votes on a Council draft, as written in a scenario.</summary>
public enum CouncilModelName
{
    /// <summary>
    /// The Council record model (docs/council-model.md): each permanent member's P(no) is its P(veto) given the
    /// states the draft concerns, fitted on the Council's record up to the year before the vote. Needs
    /// <c>concerns</c>; the default when <c>concerns</c> is given.
    /// </summary>
    Record,

    /// <summary>The members' Assembly positions and the vote's analog, as for elected members (the default without <c>concerns</c>).</summary>
    Assembly,
}
