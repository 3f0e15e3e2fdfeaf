namespace StemSimulator.Scenarios.Document;

/// <summary>Changes a variant makes to one vote.</summary>
public sealed class VariantVoteDocument
{
    /// <summary>Another General Assembly majority.</summary>
    public MajorityName? Majority { get; init; }

    /// <summary>Another Council decision kind.</summary>
    public DecisionName? Decision { get; init; }

    /// <summary>Another analog roll call (replaces the vote's discrimination and cut-points).</summary>
    public AnalogDocument? Like { get; init; }

    /// <summary>Another discrimination.</summary>
    public double? Discrimination { get; init; }

    /// <summary>Other cut-points.</summary>
    public double[]? Cutpoints { get; init; }

    /// <summary>How members lean differently on this vote.</summary>
    public Dictionary<string, MemberDocument>? Members { get; init; }

    /// <summary>
    /// How the members of groups lean differently on this vote (keys: regional groups such as <c>AFRICAN_GROUP</c> or blocs such as
    /// <c>EU</c>, any case; <c>stemsim members --bloc NAME</c> lists a group's members), each entry with an optional <c>except</c> list;
    /// the groups' voting members on the vote's date, entries applied in the order written and a member's own entry
    /// under <c>members</c> on top, field by field.
    /// </summary>
    public Dictionary<string, MemberDocument>? Blocs { get; init; }

    /// <summary>Other announced votes: replaces the vote's <c>given</c> as a whole (<c>{}</c> for none).</summary>
    public Dictionary<string, VoteChoiceName>? Given { get; init; }

    /// <summary>Other votes announced by groups: replaces the vote's <c>given_blocs</c> as a whole (<c>{}</c> for none).</summary>
    public Dictionary<string, GivenBlocDocument>? GivenBlocs { get; init; }

    /// <summary>Other concerned states (replaces the vote's <c>concerns</c>; <c>[]</c> for none).</summary>
    public string[]? Concerns { get; init; }

    /// <summary>
    /// Council drafts: another model for the permanent members' votes (<c>record</c> or <c>assembly</c>, replacing the
    /// vote's <c>council_model</c>), to compare the Council record model with the Assembly-position model as a what-if.
    /// The record model needs <c>concerns</c> (the vote's, or the variant's).
    /// </summary>
    public CouncilModelName? CouncilModel { get; init; }

    /// <summary>Another Council composition (ten elected members).</summary>
    public string[]? Council { get; init; }

    /// <summary>The draft voted in a reformed Council.</summary>
    public ReformDocument? Reform { get; init; }
}
