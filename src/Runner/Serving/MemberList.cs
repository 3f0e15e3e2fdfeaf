namespace StemSimulator.Runner.Serving;

/// <summary>The member states voting on a date.</summary>
/// <param name="Date">The date, yyyy-MM-dd.</param>
/// <param name="Group">The group asked for (canonical name), or null for all members.</param>
/// <param name="Members">The members, by code.</param>
internal sealed record MemberList(string Date, string? Group, IReadOnlyList<MemberEntry> Members);
