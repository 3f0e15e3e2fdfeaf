using StemSimulator.Engine.Rules;

namespace StemSimulator.Scenarios.Library;

/// <summary>One member's recorded vote on a library roll call: its unit code (ISO3 or a fixed historical code), the
/// choice (non-voting as <see cref="VoteChoice.Absent"/>) and the 1-based line of the file it came from.</summary>
public sealed record LibraryVote(string Code, VoteChoice Choice, int Line);
