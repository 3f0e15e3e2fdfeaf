using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Model;

/// <summary>
/// What a vote is, without how members lean: enough to label and summarise its results, and to merge the
/// statistics of shards without the scenario.
/// </summary>
/// <param name="Id">Identifier, unique within the scenario.</param>
/// <param name="Body">The organ that votes.</param>
/// <param name="Date">Date of the vote.</param>
/// <param name="Majority">General Assembly majority.</param>
/// <param name="Decision">Council decision kind.</param>
/// <param name="Estimator">How P(adopted) is estimated.</param>
/// <param name="Codes">ISO3 code per participant, in the vote's order.</param>
public sealed record VoteDescription(
    string Id,
    Body Body,
    DateOnly Date,
    MajorityRule Majority,
    CouncilDecision Decision,
    OutcomeEstimator Estimator,
    IReadOnlyList<string> Codes)
{
    /// <summary>Labels of the conditions under which the vote is held (its possible paths); empty when always held.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Per condition, the earlier vote and the outcome of it that triggers this vote (aligned with <see cref="Paths"/>).</summary>
    public IReadOnlyList<VoteTrigger> Triggers { get; init; } = [];

    /// <summary>Council: affirmative votes a decision needs (9 under the Charter; more in a reformed Council). 0 for the Assembly.</summary>
    public int Quota { get; init; } = SecurityCouncilRules.RequiredYesVotes;

    /// <summary>
    /// The members' announced votes the run conditioned on (<see cref="VoteModel.Given"/>), in the vote's order of
    /// participants; empty when the vote is not conditioned.
    /// </summary>
    public IReadOnlyList<AnnouncedVote> Given { get; init; } = [];

    /// <summary>Number of participants.</summary>
    public int Count => Codes.Count;

    /// <summary>
    /// The yes votes a trial with <paramref name="no"/> no votes needs: the Council's <see cref="Quota"/> (a substantive
    /// draft also needs no veto); in the Assembly no + 1 (simple majority) or max(1, 2 no) (two-thirds), so that an
    /// Assembly tally adopts exactly when yes reaches it (<see cref="GeneralAssemblyRules.IsAdopted"/>).
    /// </summary>
    public int YesNeeded(int no) => Body == Body.SecurityCouncil ? Quota : Majority.YesNeeded(no);

    /// <summary>The rule's name as the outputs write it: simple, two_thirds, substantive or procedural.</summary>
    public string RuleName => Body switch
    {
        Body.SecurityCouncil => Decision.Name(),
        Body.GeneralAssembly => Majority.Name(),
        _ => throw new InvalidOperationException($"Unknown body {Body}."),
    };
}
