namespace StemSimulator.Engine.Elections;

/// <summary>
/// How the members took part in one ballot for one seat group. They add up to the membership: every member is
/// present and voting (a valid ballot naming at least one candidate), abstaining (a blank ballot), invalid, or absent
/// (including members without a vote under Art. 19).
/// </summary>
/// <param name="PresentAndVoting">Valid ballots naming at least one candidate: the base of the two-thirds majority.</param>
/// <param name="Abstentions">Blank ballots.</param>
/// <param name="Invalid">Invalid ballots.</param>
/// <param name="Absent">Members who cast no ballot.</param>
public readonly record struct BallotCount(int PresentAndVoting, int Abstentions, int Invalid, int Absent)
{
    /// <summary>All members, whatever they did.</summary>
    public int Members => PresentAndVoting + Abstentions + Invalid + Absent;
}
