using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Model;

/// <summary>
/// A member's vote announced before the vote (<c>given:</c> in a scenario): the run conditions on it, so each
/// trial's shared draws (shocks, the analog's shift, positions, drift) are drawn given the announcement and the
/// member's friends move with it. A fixed vote (<c>vote:</c>) is an intervention instead and moves nobody else.
/// </summary>
/// <param name="Participant">The member's index in the vote's participants (0 to Count - 1).</param>
/// <param name="Choice">The announced vote.</param>
/// <param name="Lean">
/// The member's lean had its vote not been announced (not fixed): it gives the likelihood of the announcement
/// given a trial's shared draws. Absence does not depend on them, so an announced absence carries no information.
/// </param>
public sealed record GivenVote(int Participant, VoteChoice Choice, MemberLean Lean);
