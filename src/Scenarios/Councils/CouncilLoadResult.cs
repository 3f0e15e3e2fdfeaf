using StemSimulator.Engine.Power;
using StemSimulator.Scenarios.Diagnostics;

namespace StemSimulator.Scenarios.Councils;

/// <summary>The outcome of loading a council file: either a council, or every problem found.</summary>
/// <param name="File">The file as named by the user.</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes (provenance); empty when the file could not be read.</param>
/// <param name="Council">The council, when there were no errors.</param>
/// <param name="Diagnostics">All problems found, in file order.</param>
public sealed record CouncilLoadResult(string File, string Sha256, CouncilDefinition? Council, IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    /// <summary>Whether the council is usable.</summary>
    public bool Succeeded => Council is not null && Diagnostics.Count == 0;
}
