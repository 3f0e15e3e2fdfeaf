namespace StemSimulator.Engine.Members;

/// <summary>
/// The member states and blocs with their dated memberships, as the model code needs them (the backtests' shock groups
/// and drift groups). The Scenarios project's reference catalog is the one shipped record.
/// </summary>
public interface IMembershipRecord
{
    /// <summary>Every state, members and observers.</summary>
    IReadOnlyList<MemberState> States { get; }

    /// <summary>Blocs by name (for example EU, OIC, NAM), each with its dated memberships.</summary>
    IReadOnlyDictionary<string, Bloc> Blocs { get; }

    /// <summary>The state with ISO3 code <paramref name="code"/> (exact, case-sensitive), or <see langword="null"/>.</summary>
    MemberState? FindState(string code);

    /// <summary>The voting members of the General Assembly on <paramref name="day"/>, sorted by code.</summary>
    IReadOnlyList<MemberState> VotingMembersOn(DateOnly day);
}
