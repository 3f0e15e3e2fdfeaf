using System.Security.Cryptography;
using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios;

/// <summary>The outcome of loading a scenario: either a model ready to run, or every problem found.</summary>
/// <param name="File">The file as named by the user.</param>
/// <param name="Document">The document as written, when it could be bound.</param>
/// <param name="Model">The compiled model, when there were no errors.</param>
/// <param name="Diagnostics">All problems found, in file order.</param>
public sealed record ScenarioLoadResult(
    string File,
    ScenarioDocument? Document,
    SimulationModel? Model,
    IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    private string? _sha256;

    /// <summary>
    /// Hex SHA-256 of the file's bytes (provenance); empty when the file could not be read. Computed on first use:
    /// hashing loads the platform's cryptography library, which checking a file does not need.
    /// </summary>
    public string Sha256 => _sha256 ??= ReadBytes is null ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(ReadBytes));

    /// <summary>The file's bytes as read, of whatever size, which <see cref="Sha256"/> is of; null when the file could not be read.</summary>
    internal byte[]? ReadBytes { get; init; }

    /// <summary>What the compiler worked from, for <see cref="ScenarioLoader.Recompile"/>; null when the scenario did not reach the compiler.</summary>
    internal ScenarioInputs? Inputs { get; init; }

    /// <summary>The user's calibration table the model was compiled with, or null for the embedded calibration.</summary>
    public CalibrationSource? Calibration => Inputs?.Calibration;

    /// <summary>The files of recorded votes the scenario read as evidence (path, SHA-256, roll calls), in the order written.</summary>
    public IReadOnlyList<Evidence.EvidenceSource> Evidence { get; init; } = [];

    /// <summary>The latest year of the members'-vote evidence that updated the positions (1945 + session), or null.</summary>
    public int? EvidenceYear { get; init; }

    /// <summary>The calibration year whose positions the votes start from, when the scenario compiled.</summary>
    public int? PositionsYear { get; init; }

    /// <summary>The calibration's yearly random-walk step of positions (how much a position's uncertainty grows per
    /// year after the calibration), when the scenario compiled.</summary>
    public double PositionStepSd { get; init; }

    /// <summary>The scenario file's bytes exactly as read (a run keeps a copy of them); empty when the file could not be read.</summary>
    public ReadOnlyMemory<byte> Bytes => ReadBytes;

    /// <summary>Problems that do not stop the scenario from running (for example a concerned state without a seat), in file order.</summary>
    public IReadOnlyList<ScenarioDiagnostic> Warnings { get; init; } = [];

    /// <summary>Whether the scenario can run.</summary>
    public bool Succeeded => Model is not null && Diagnostics.Count == 0;
}
