namespace StemSimulator.Scenarios.Library;

/// <summary>
/// The layouts of the UN Digital Library's voting files (General Assembly record 4060887, Security Council record
/// 4055387), told apart by their header, never by column position.
/// </summary>
public enum OfficialLayout
{
    /// <summary>Assembly version 1 (September 2024): one row per member and resolution, <c>ms_codes, ms_votes</c>
    /// with Y, N, A and NV (non-voting), the symbol in <c>resolutions</c>.</summary>
    AssemblyV1Long,

    /// <summary>Assembly versions 2 and 3 (2025, 2026) and the Security Council's member-level file: one row per
    /// member and resolution, <c>ms_code, ms_vote</c> with Y, N, A and X (non-voting), the symbol in
    /// <c>resolution</c>.</summary>
    MemberLong,

    /// <summary>One row per resolution, one column per member named by its code, the vote (Y, N, A, X) in the cell,
    /// blank when the state was not recorded.</summary>
    Wide,
}
