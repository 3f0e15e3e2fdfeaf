using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Model;

/// <summary>One member taking part in one vote.</summary>
/// <param name="RosterIndex">The member's index in the scenario's roster; keys its random numbers, so the same
/// member draws the same position in every vote and variant of a trial.</param>
/// <param name="Code">ISO3 code.</param>
/// <param name="Lean">How it leans.</param>
/// <param name="Permanent">Its permanent-member flag on the Council, or <see cref="PermanentMembers.None"/>.</param>
/// <param name="ShockBlocs">Indices of the shocked blocs it belongs to on the vote's date (into <see cref="ShockModel.BlocNames"/>).</param>
public sealed record VoteParticipant(int RosterIndex, string Code, MemberLean Lean, PermanentMembers Permanent, IReadOnlyList<int> ShockBlocs)
{
    /// <summary>
    /// The lean the member would have if the vote named no concerned states (<see cref="VoteModel.ConcernedStates"/>),
    /// when the concerned-party effect changed it; null when it did not (or the vote names none). Only reported, never
    /// simulated.
    /// </summary>
    public MemberLean? LeanWithoutConcerns { get; init; }
}
