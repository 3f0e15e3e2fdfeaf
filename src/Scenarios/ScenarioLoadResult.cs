using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios;

/// <summary>The outcome of loading a scenario: either a model ready to run, or every problem found.</summary>
/// <param name="File">The file as named by the user.</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes (provenance); empty when the file could not be read.</param>
/// <param name="Document">The document as written, when it could be bound.</param>
/// <param name="Model">The compiled model, when there were no errors.</param>
/// <param name="Diagnostics">All problems found, in file order.</param>
public sealed record ScenarioLoadResult(
    string File,
    string Sha256,
    ScenarioDocument? Document,
    SimulationModel? Model,
    IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    /// <summary>Problems that do not stop the scenario from running (for example a concerned state without a seat), in file order.</summary>
    public IReadOnlyList<ScenarioDiagnostic> Warnings { get; init; } = [];

    /// <summary>Whether the scenario can run.</summary>
    public bool Succeeded => Model is not null && Diagnostics.Count == 0;
}
