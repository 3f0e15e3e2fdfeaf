using StemSimulator.Scenarios.Library;

namespace StemSimulator.Scenarios.Evidence;

/// <summary>
/// A file of recorded votes as read for a scenario's <c>evidence</c>: the roll calls the scenario names, the unusable
/// rows among theirs, and every symbol the file holds (for suggestions).
/// </summary>
/// <param name="Path">Full path.</param>
/// <param name="Sha256">Hex SHA-256 of its bytes.</param>
/// <param name="RollCalls">The roll calls read, in file order (only the ones asked for, when the reader was given them).</param>
/// <param name="Problems">Unusable rows of those roll calls, and rows that could not be read at all: line (1-based) and what is wrong.</param>
/// <param name="Symbols">Every resolution symbol of the file's readable rows.</param>
public sealed record EvidenceFile(string Path, string Sha256, IReadOnlyList<LibraryRollCall> RollCalls, IReadOnlyList<(int Line, string Message)> Problems, IReadOnlyCollection<string> Symbols);
