namespace StemSimulator.Engine.Members;

/// <summary>
/// A state in the United Nations: a member with a vote in the General Assembly, or an observer state
/// (Holy See, State of Palestine) that takes part in debates but does not vote on resolutions.
/// </summary>
/// <param name="Code">ISO 3166-1 alpha-3 code, upper case (for example <c>NLD</c>).</param>
/// <param name="Name">Short English name as the UN uses it.</param>
/// <param name="Group">UN regional group.</param>
/// <param name="Admitted">Date of admission to membership (for observers, the date observer status began).</param>
/// <param name="IsObserver">True for a non-member observer state, which never votes on resolutions.</param>
public sealed record MemberState(string Code, string Name, RegionalGroup Group, DateOnly Admitted, bool IsObserver)
{
    /// <summary>Whether the state is a voting member of the General Assembly on <paramref name="date"/>.</summary>
    public bool IsVotingMemberOn(DateOnly date) => !IsObserver && Admitted <= date;
}
