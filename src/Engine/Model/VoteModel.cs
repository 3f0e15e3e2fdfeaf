using System.Runtime.CompilerServices;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Model;

/// <summary>
/// One vote, ready to simulate: the rule that decides it and every participant's lean, laid out as contiguous
/// arrays (structure of arrays) for the simulation kernel.
/// </summary>
public sealed class VoteModel
{
    /// <summary>Creates a vote model; throws <see cref="ArgumentException"/> when the inputs break the rules' invariants.</summary>
    /// <param name="id">Identifier, unique within the scenario.</param>
    /// <param name="stream">Random stream of the vote (0 to 65535): the same vote in every variant uses the same stream,
    /// so variants share their random numbers.</param>
    /// <param name="body">The organ that votes.</param>
    /// <param name="date">Date of the vote.</param>
    /// <param name="majority">General Assembly majority (ignored for the Council).</param>
    /// <param name="decision">Council decision kind (ignored for the Assembly).</param>
    /// <param name="estimator">How P(adopted) is estimated; the Council always uses the exact conditional programme.</param>
    /// <param name="shocks">The vote's correlated shocks.</param>
    /// <param name="participants">Every member of the body, including those without a vote (fixed absent).</param>
    /// <param name="conditions">When the vote is held (any condition met); empty: always.</param>
    /// <param name="councilRule">For a reformed Council: its quota and veto; default the Charter's (9 of 15, one veto).</param>
    public VoteModel(
        string id,
        int stream,
        Body body,
        DateOnly date,
        MajorityRule majority,
        CouncilDecision decision,
        OutcomeEstimator estimator,
        ShockModel shocks,
        IReadOnlyList<VoteParticipant> participants,
        IReadOnlyList<VoteCondition>? conditions = null,
        CouncilRule? councilRule = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegative(stream);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stream, ushort.MaxValue);
        ValidateSize(participants);
        CouncilRule = councilRule ?? CouncilRule.Charter;
        if (body == Body.SecurityCouncil)
        {
            ValidateCouncil(participants, CouncilRule);
            estimator = OutcomeEstimator.ExactConditional;
        }

        if (participants.Select(p => p.RosterIndex).Distinct().Count() != participants.Count)
        {
            throw new ArgumentException("A member takes part only once in a vote.", nameof(participants));
        }

        _participants = participants;
        Conditions = conditions ?? [];
        ValidateConditions(Conditions, id, stream);
        Id = id;
        Stream = stream;
        Body = body;
        Date = date;
        Majority = majority;
        Decision = decision;
        Estimator = estimator;
        Shocks = shocks;

        int n = participants.Count;
        Codes = new string[n];
        RosterIndex = new int[n];
        Mean = new double[n];
        PositionLoading = new double[n];
        NoBelow = new double[n];
        YesFrom = new double[n];
        Absence = new double[n];
        Fixed = new sbyte[n];
        Permanent = new PermanentMembers[n];
        BlocOffsets = new int[n + 1];
        BlocIndices = LayOut(participants);
        Description = Describe();
    }

    /// <summary>The vote's description: its rule, the Council's quota, and the paths and triggers of its conditions.</summary>
    private VoteDescription Describe() => new(Id, Body, Date, Majority, Decision, Estimator, Codes)
    {
        Quota = Body == Body.SecurityCouncil ? CouncilRule.Quota : 0,
        Paths = Conditions.Select(c => c.Label).ToArray(),
        Triggers = Conditions.Select(c => new VoteTrigger(c.Label[..c.Label.LastIndexOf(':')], c.Outcome)).ToArray(),
    };

    private static void ValidateSize(IReadOnlyList<VoteParticipant> participants)
    {
        if (participants.Count == 0)
        {
            throw new ArgumentException("A vote needs participants.", nameof(participants));
        }

        if (participants.Count > short.MaxValue)
        {
            throw new ArgumentException($"At most {short.MaxValue} participants.", nameof(participants));
        }
    }

    /// <summary>The Council's seats (15 under the Charter, at least 15 reformed), a quota that fits, each permanent member once.</summary>
    private static void ValidateCouncil(IReadOnlyList<VoteParticipant> participants, CouncilRule councilRule)
    {
        bool charter = councilRule == CouncilRule.Charter;
        if (charter ? participants.Count != SecurityCouncilRules.Seats : participants.Count < SecurityCouncilRules.Seats)
        {
            throw new ArgumentException($"The Security Council has {SecurityCouncilRules.Seats} members, not {participants.Count}.", nameof(participants));
        }

        if (councilRule.Quota < 1 || councilRule.Quota > participants.Count || councilRule.VetoBlocking < 1)
        {
            throw new ArgumentException($"A quota of {councilRule.Quota} does not fit a Council of {participants.Count}.", nameof(councilRule));
        }

        var permanent = participants.Aggregate(PermanentMembers.None, (set, p) => set | p.Permanent);
        if (permanent != PermanentMembers.All || participants.Count(p => p.Permanent != PermanentMembers.None) != 5)
        {
            throw new ArgumentException("The Security Council must have each permanent member exactly once.", nameof(participants));
        }
    }

    /// <summary>Each condition waits for an earlier vote with a tabling probability in [0, 1].</summary>
    private static void ValidateConditions(IReadOnlyList<VoteCondition> conditions, string id, int stream)
    {
        foreach (var condition in conditions)
        {
            if (condition.VoteIndex < 0 || condition.VoteIndex >= stream)
            {
                throw new ArgumentException($"Vote '{id}' can only wait for an earlier vote.", nameof(conditions));
            }

            if (!(condition.TablingProbability >= 0 && condition.TablingProbability <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(conditions), condition.TablingProbability, "A tabling probability lies in [0, 1].");
            }
        }
    }

    /// <summary>Writes every participant's lean into the arrays; returns the shocked blocs of all (<see cref="BlocOffsets"/> points into them).</summary>
    private int[] LayOut(IReadOnlyList<VoteParticipant> participants)
    {
        var blocIndices = new List<int>();
        for (int i = 0; i < participants.Count; i++)
        {
            LayOut(participants, i, blocIndices);
        }

        return blocIndices.ToArray();
    }

    /// <summary>Writes participant <paramref name="i"/>'s lean into the arrays and its shocked blocs (sd &gt; 0, once each) into <paramref name="blocIndices"/>.</summary>
    private void LayOut(IReadOnlyList<VoteParticipant> participants, int i, List<int> blocIndices)
    {
        var p = participants[i];
        p.Lean.Validate();
        if (p.ShockBlocs.Any(b => b < 0 || b >= Shocks.BlocNames.Count))
        {
            throw new ArgumentException($"Member {p.Code} refers to a shocked bloc that does not exist.", nameof(participants));
        }

        Codes[i] = p.Code;
        RosterIndex[i] = p.RosterIndex;
        Mean[i] = p.Lean.Mean;
        PositionLoading[i] = p.Lean.PositionLoading;
        NoBelow[i] = p.Lean.NoBelow;
        YesFrom[i] = p.Lean.YesFrom;
        Absence[i] = p.Lean.AbsenceProbability;
        Fixed[i] = p.Lean.Fixed is { } f ? (sbyte)f : (sbyte)-1;
        Permanent[i] = Body == Body.SecurityCouncil ? p.Permanent : PermanentMembers.None;
        foreach (int b in p.ShockBlocs.Distinct().Where(b => Shocks.BlocSds[b] > 0))
        {
            blocIndices.Add(b);
        }

        BlocOffsets[i + 1] = blocIndices.Count;
    }

    private readonly IReadOnlyList<VoteParticipant> _participants;

    /// <summary>The same vote estimated another way.</summary>
    public VoteModel WithEstimator(OutcomeEstimator estimator) =>
        new(Id, Stream, Body, Date, Majority, Decision, estimator, Shocks, _participants, Conditions, CouncilRule) { DebatesVeto = DebatesVeto, AnalogShift = AnalogShift, DriftYearIndex = DriftYearIndex, DriftBeta = DriftBeta, ConcernedStates = ConcernedStates, Given = Given };

    /// <summary>
    /// The same vote with the latent support of some participants shifted by <paramref name="shift"/> (members with a
    /// fixed vote are left alone: nothing moves them).
    /// </summary>
    /// <param name="participants">Participant indices (in the vote's order).</param>
    /// <param name="shift">Shift of latent support; positive: more likely yes.</param>
    public VoteModel WithSupportShift(IReadOnlyCollection<int> participants, double shift)
    {
        var shifted = _participants
            .Select((p, i) => participants.Contains(i) && p.Lean.Fixed is null ? p with { Lean = p.Lean with { Mean = p.Lean.Mean + shift } } : p)
            .ToArray();
        return new VoteModel(Id, Stream, Body, Date, Majority, Decision, Estimator, Shocks, shifted, Conditions, CouncilRule) { DebatesVeto = DebatesVeto, AnalogShift = AnalogShift, DriftYearIndex = DriftYearIndex, DriftBeta = DriftBeta, ConcernedStates = ConcernedStates, Given = Given };
    }

    /// <summary>Participant <paramref name="participant"/>'s lean (index in the vote's order).</summary>
    public MemberLean Lean(int participant) => _participants[participant].Lean;

    /// <summary>Participant <paramref name="participant"/>'s <see cref="VoteParticipant.LeanWithoutConcerns"/>.</summary>
    public MemberLean? LeanWithoutConcerns(int participant) => _participants[participant].LeanWithoutConcerns;

    /// <summary>
    /// The members' announced votes the run conditions on (empty: none). Each such participant is passed fixed to its
    /// announced choice (the kernel then treats it like a fixed vote); its <see cref="GivenVote.Lean"/> keeps the lean
    /// the announcement is weighed with. At most one entry per participant.
    /// </summary>
    /// <exception cref="ArgumentException">A participant out of range, listed twice, not fixed to its announced choice, or with a fixed lean.</exception>
    public IReadOnlyList<GivenVote> Given
    {
        get => _given;
        init
        {
            foreach (var given in value)
            {
                if (given.Participant < 0 || given.Participant >= Count)
                {
                    throw new ArgumentException($"Vote '{Id}': announced vote of participant {given.Participant}, which does not exist.", nameof(Given));
                }

                if (Fixed[given.Participant] != (sbyte)given.Choice || given.Lean.Fixed is not null)
                {
                    throw new ArgumentException($"Vote '{Id}': {Codes[given.Participant]}'s announced vote must be passed fixed to {given.Choice}, with the lean it had before as its lean.", nameof(Given));
                }

                given.Lean.Validate();
            }

            if (value.Select(g => g.Participant).Distinct().Count() != value.Count)
            {
                throw new ArgumentException($"Vote '{Id}': a member announces one vote.", nameof(Given));
            }

            _given = value;
            Description = Description with
            {
                Given = value.OrderBy(g => g.Participant).Select(g => new AnnouncedVote(Codes[g.Participant], g.Choice)).ToArray(),
            };
        }
    }

    private readonly IReadOnlyList<GivenVote> _given = [];

    /// <summary>Whether participant <paramref name="participant"/>'s vote is fixed (so outreach cannot move it).</summary>
    public bool IsFixed(int participant) => Fixed[participant] >= 0;

    /// <summary>The vote without its members' leanings.</summary>
    public VoteDescription Description { get; private init; }

    /// <summary>
    /// Whether a veto of this Council draft convenes the Assembly's debate of A/RES/76/262 (substantive drafts, unless
    /// an emergency special session on the same situation is already open).
    /// </summary>
    public bool DebatesVeto { get; init; }

    /// <summary>
    /// The per-trial shift of every participant's latent support standing for the uncertainty of the analog vote the
    /// parameters came from (<see cref="AnalogShiftDistribution.Normal"/>(0) for explicit parameters). Drawn apart from
    /// the global shock (its own random stream), so its share of the uncertainty can be told apart.
    /// </summary>
    public AnalogShiftDistribution AnalogShift { get; init; } = AnalogShiftDistribution.Normal(0);

    /// <summary>Standard deviation, &gt;= 0, of <see cref="AnalogShift"/>.</summary>
    public double AnalogSd => AnalogShift.StandardDeviation;

    /// <summary>
    /// For a vote in a multi-year scenario: the index of its year in the variant's drift path (0 = the first year);
    /// -1 otherwise. The participants' latent support then adds <see cref="DriftBeta"/> times their drifted position
    /// of that year and trial to the lean's mean (which leaves the position out).
    /// </summary>
    public int DriftYearIndex { get; init; } = -1;

    /// <summary>
    /// ISO3 codes of the states whose conduct the text addresses (empty: none). A concerned state need not take part
    /// in the vote (a Council draft on a state without a seat); it still shapes the others' support.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> ConcernedStates { get; init; } = [];

    /// <summary>The discrimination beta multiplying the drifted position.</summary>
    public double DriftBeta { get; init; }

    /// <summary>The participants' roster indices (where their drifted positions are).</summary>
    public IReadOnlyList<int> Roster => RosterIndex;

    /// <summary>The Council's quota and veto (the Charter's unless a reformed Council votes).</summary>
    public CouncilRule CouncilRule { get; }

    /// <summary>When the vote is held: any of these conditions met (empty: always held).</summary>
    public IReadOnlyList<VoteCondition> Conditions { get; }

    /// <summary>Identifier, unique within the scenario.</summary>
    public string Id { get; }

    /// <summary>Random stream of the vote.</summary>
    public int Stream { get; }

    /// <summary>The organ that votes.</summary>
    public Body Body { get; }

    /// <summary>Date of the vote.</summary>
    public DateOnly Date { get; }

    /// <summary>General Assembly majority.</summary>
    public MajorityRule Majority { get; }

    /// <summary>Council decision kind.</summary>
    public CouncilDecision Decision { get; }

    /// <summary>How P(adopted) is estimated.</summary>
    public OutcomeEstimator Estimator { get; }

    /// <summary>The vote's correlated shocks.</summary>
    public ShockModel Shocks { get; }

    /// <summary>Number of participants (193 for today's Assembly, 15 for the Council).</summary>
    public int Count => Codes.Length;

    /// <summary>ISO3 code per participant.</summary>
    public string[] Codes { get; }

    internal int[] RosterIndex { get; }

    internal double[] Mean { get; }

    internal double[] PositionLoading { get; }

    internal double[] NoBelow { get; }

    internal double[] YesFrom { get; }

    internal double[] Absence { get; }

    /// <summary>The fixed <see cref="VoteChoice"/> per participant, or -1.</summary>
    internal sbyte[] Fixed { get; }

    internal PermanentMembers[] Permanent { get; }

    /// <summary>Participant i's shocked blocs are <c>BlocIndices[BlocOffsets[i]..BlocOffsets[i + 1]]</c> (CSR layout).</summary>
    internal int[] BlocOffsets { get; }

    internal int[] BlocIndices { get; }

    /// <summary>The outcome of a tally under this vote's rule.</summary>
    public VoteOutcome Decide(VoteTally tally, PermanentMembers permanentNo) => Body == Body.SecurityCouncil
        ? new VoteOutcome(tally, IsAdopted(tally.Yes, tally.No, permanentNo), VetoedBy(permanentNo), CouncilRule.Quota)
        : GeneralAssemblyRules.Decide(tally, Majority);

    // AggressiveInlining on the kernel's per-trial callees (these two, MajorityRules', GeneralAssemblyRules.IsAdopted,
    // AnalogShiftDistribution's and VotePlan.AnalogOffset): the fully optimised kernel inlines them instead of calling
    // precompiled code, which the tiering re-compiled (instrumented, then tier 1) while a run's workers needed the cores.
    /// <summary>The permanent members whose no blocks the draft under this vote's rule (none for a procedural decision).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PermanentMembers VetoedBy(PermanentMembers permanentNo) =>
        Body == Body.SecurityCouncil && Decision == CouncilDecision.Substantive && CouncilRule.Blocks(permanentNo) ? permanentNo : PermanentMembers.None;

    /// <summary>Whether a tally adopts under this vote's rule (no allocation; for the hot loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsAdopted(int yes, int no, PermanentMembers permanentNo) => Body == Body.SecurityCouncil
        ? SecurityCouncilRules.IsAdopted(yes, permanentNo, Decision, CouncilRule)
        : GeneralAssemblyRules.IsAdopted(yes, no, Majority);
}
