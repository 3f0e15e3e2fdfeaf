using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A vote a group's members have announced together (an entry of <c>given_blocs</c>): written as the vote alone
/// (<c>EU: yes</c>) or with the members that did not join the announcement (<c>EU: { vote: yes, except: [HUN] }</c>).
/// </summary>
[ScalarShorthand(nameof(Vote))]
public sealed class GivenBlocDocument
{
    /// <summary>The announced vote: yes, no, abstain or absent.</summary>
    public VoteChoiceName? Vote { get; init; }

    /// <summary>Members of the group that have not announced this vote (ISO3 codes).</summary>
    public string[]? Except { get; init; }
}
