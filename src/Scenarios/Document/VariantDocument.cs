namespace StemSimulator.Scenarios.Document;

/// <summary>A named what-if: the baseline with some changes. It runs on the same random numbers as the baseline.</summary>
public sealed class VariantDocument
{
    /// <summary>Variant name, unique: lower-case letters, digits and hyphens; not <c>baseline</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the variant changes, in a sentence.</summary>
    public string? Description { get; init; }

    /// <summary>How members lean differently in every vote (replaces the baseline's entry for that member).</summary>
    public Dictionary<string, MemberDocument>? Members { get; init; }

    /// <summary>
    /// How the members of groups lean differently in every vote (a member covered here or under <c>members</c> loses the baseline's entries) (keys: regional groups such as <c>AFRICAN_GROUP</c> or blocs such as
    /// <c>EU</c>, any case; <c>stemsim members --bloc NAME</c> lists a group's members), each entry with an optional <c>except</c> list;
    /// the groups' voting members on the vote's date, entries applied in the order written and a member's own entry
    /// under <c>members</c> on top, field by field.
    /// </summary>
    public Dictionary<string, MemberDocument>? Blocs { get; init; }

    /// <summary>Co-sponsorship by a coalition, drawing support from members close to it (see <see cref="CosponsorsDocument"/>).</summary>
    public CosponsorsDocument? Cosponsors { get; init; }

    /// <summary>Outreach to target members with an effect size.</summary>
    public OutreachDocument? Outreach { get; init; }

    /// <summary>Other pulls for a multi-year scenario (replacing the timeline's attraction list).</summary>
    public AttractionDocument[]? Attraction { get; init; }

    /// <summary>Per vote id: changes to that vote.</summary>
    public Dictionary<string, VariantVoteDocument>? Votes { get; init; }

    /// <summary>Per election id: changes to that election.</summary>
    public Dictionary<string, VariantElectionDocument>? Elections { get; init; }
}
