using StemSimulator.Scenarios.Library;

namespace StemSimulator.Scenarios.Evidence;

/// <summary>A file of recorded votes as read for a scenario's <c>evidence</c>: its roll calls and its unusable rows.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Sha256">Hex SHA-256 of its bytes.</param>
/// <param name="RollCalls">The roll calls read, in file order.</param>
/// <param name="Problems">Unusable rows: line (1-based) and what is wrong.</param>
public sealed record EvidenceFile(string Path, string Sha256, IReadOnlyList<LibraryRollCall> RollCalls, IReadOnlyList<(int Line, string Message)> Problems);
