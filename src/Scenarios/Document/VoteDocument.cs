namespace StemSimulator.Scenarios.Document;

/// <summary>One vote to come.</summary>
public sealed class VoteDocument
{
    /// <summary>Identifier, unique in the scenario: lower-case letters, digits and hyphens.</summary>
    public required string Id { get; init; }

    /// <summary>What is voted on, in a few words.</summary>
    public string? Title { get; init; }

    /// <summary>GA or SC.</summary>
    public required BodyName Body { get; init; }

    /// <summary>Date of the vote (on or after <c>as_of</c>); defaults to <c>as_of</c>.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>General Assembly majority: simple (default) or two_thirds.</summary>
    public MajorityName? Majority { get; init; }

    /// <summary>Council decision kind: substantive (default) or procedural.</summary>
    public DecisionName? Decision { get; init; }

    /// <summary>Council drafts: the Charter chapter (VI or VII); under VI the parties to the dispute abstain.</summary>
    public CharterChapter? Chapter { get; init; }

    /// <summary>Council drafts under Chapter VI: members party to the dispute, who abstain (Art. 27(3)).</summary>
    public string[]? PartiesToDispute { get; init; }

    /// <summary>General Assembly estimator: auto (default: the smaller error for the same time), sampled or exact.</summary>
    public EstimatorName? Estimator { get; init; }

    /// <summary>
    /// A historical roll call to take the discrimination and cut-points from (and its issue areas); instead of
    /// <see cref="Discrimination"/> and <see cref="Cutpoints"/>.
    /// </summary>
    public AnalogDocument? Like { get; init; }

    /// <summary>
    /// Discrimination beta of the vote (-20 to 20): how strongly the position theta drives support. Positive when
    /// members on the United States' side of the dimension support the text, negative when they oppose it. Required
    /// unless <see cref="Like"/> is given.
    /// </summary>
    public double? Discrimination { get; init; }

    /// <summary>
    /// The two cut-points [tau_1, tau_2], tau_1 &lt;= tau_2, each -20 to 20: a member votes no when its latent
    /// support beta * theta + shocks + noise is below tau_1, yes when at or above tau_2, and abstains between.
    /// Required unless <see cref="Like"/> is given.
    /// </summary>
    public double[]? Cutpoints { get; init; }

    /// <summary>How particular members lean on this vote (on top of the scenario's <c>members</c>).</summary>
    public Dictionary<string, MemberDocument>? Members { get; init; }

    /// <summary>
    /// How the members of groups lean on this vote (on top of the scenario's <c>blocs</c> and <c>members</c>) (keys: regional groups such as <c>AFRICAN_GROUP</c> or blocs such as
    /// <c>EU</c>, any case; <c>stemsim members --bloc NAME</c> lists a group's members), each entry with an optional <c>except</c> list;
    /// the groups' voting members on the vote's date, entries applied in the order written and a member's own entry
    /// under <c>members</c> on top, field by field.
    /// </summary>
    public Dictionary<string, MemberDocument>? Blocs { get; init; }

    /// <summary>
    /// Votes members have announced (<c>{USA: no, ISR: no}</c>; yes, no, abstain or absent): the run conditions on them,
    /// so each trial's shared shocks and positions are drawn given the announcements and the announcing members' friends
    /// move with them (an observation). A <c>vote:</c> under <see cref="Members"/> is an intervention instead: it fixes
    /// that member and moves nobody else. A member with a fixed vote (or in <c>article_19</c>, or a party to a Chapter VI
    /// dispute) cannot also announce one.
    /// </summary>
    public Dictionary<string, VoteChoiceName>? Given { get; init; }

    /// <summary>
    /// Votes groups have announced together, conditioned on like <see cref="Given"/> (keys: regional groups such as
    /// <c>AFRICAN_GROUP</c> or blocs such as <c>EU</c>, any case; <c>{ EU: yes }</c> or <c>{ EU: { vote: yes, except: [HUN] } }</c>):
    /// each group's voting members on the vote's date (on a Council draft, those sitting on the Council), minus
    /// <c>except</c>, announce that vote. A member's own entry under <see cref="Given"/> wins over its groups'; two groups
    /// announcing different votes for one member are an error. Kept apart from <see cref="Given"/> because a key such as
    /// <c>NAM</c> is both a member (Namibia) and a group (the Non-Aligned Movement).
    /// </summary>
    public Dictionary<string, GivenBlocDocument>? GivenBlocs { get; init; }

    /// <summary>
    /// The states whose conduct the text addresses (ISO3 codes, for example <c>[RUS]</c> for a text on Russia's
    /// conduct in Ukraine): the concerned state tends to vote against, its close partners follow in part. A
    /// concerned state need not be a member of the body voting (a warning, not an error).
    /// </summary>
    public string[]? Concerns { get; init; }

    /// <summary>
    /// Council drafts: <c>record</c> (the default when <see cref="Concerns"/> is given) takes each permanent member's
    /// P(no) from the Council record model, its P(veto) given the states concerned fitted on the record up to the year
    /// before the vote (docs/council-model.md); <c>assembly</c> keeps the Assembly-position model. A member's own
    /// entry under <c>members</c> (a vote or probabilities) still wins. Elected members always use the Assembly positions.
    /// </summary>
    public CouncilModelName? CouncilModel { get; init; }

    /// <summary>Council drafts: the ten elected members, replacing the composition on the vote's date.</summary>
    public string[]? Council { get; init; }

    /// <summary>Council drafts: vote in a reformed Council (which states take the new seats).</summary>
    public ReformDocument? Reform { get; init; }

    /// <summary>
    /// When the vote is held: after an earlier vote's outcome (<c>{ vote: sc-draft, if: vetoed, tabled: 0.8 }</c>),
    /// or a list of such conditions, any of which holds it. Without it the vote is always held.
    /// </summary>
    public AfterDocument[]? After { get; init; }

    /// <summary>Co-sponsorship by a coalition, drawing support from members close to it (see <see cref="CosponsorsDocument"/>).</summary>
    public CosponsorsDocument? Cosponsors { get; init; }

    /// <summary>Outreach to target members with an effect size.</summary>
    public OutreachDocument? Outreach { get; init; }

    /// <summary>For a vote that follows a veto: members' support shifted by the veto's reputational cost.</summary>
    public BacklashDocument? Backlash { get; init; }

    /// <summary>
    /// Council drafts: whether an emergency special session of the Assembly on the same situation is already open;
    /// if so a veto does not convene the debate of A/RES/76/262 (the session resumes instead). Default false.
    /// </summary>
    public bool? EmergencySessionOpen { get; init; }
}
