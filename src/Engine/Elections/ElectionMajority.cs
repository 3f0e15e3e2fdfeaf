namespace StemSimulator.Engine.Elections;

/// <summary>The majority a candidate needs to be elected.</summary>
public enum ElectionMajority
{
    /// <summary>
    /// Two-thirds of the members present and voting (Charter Art. 18(2), rules 83 and 86): votes &gt;= 2/3 of the
    /// valid ballots that name at least one candidate; blank ballots (abstentions), invalid ballots and absent
    /// members do not count. The Security Council's elections.
    /// </summary>
    TwoThirdsOfPresentAndVoting,

    /// <summary>
    /// An absolute majority of the members of the General Assembly: floor(members / 2) + 1 votes (97 of 193),
    /// however many vote. The Human Rights Council's elections (A/RES/60/251, para. 7).
    /// </summary>
    AbsoluteMajorityOfMembers,
}
