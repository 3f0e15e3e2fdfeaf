using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios;

/// <summary>
/// What a scenario's compiler works from besides the document: where each of its values was written, the reference
/// data (the embedded or a user's calibration table, and where that came from) and the evidence files as read. Kept
/// with a compiled scenario so that it can be compiled again without reading anything again.
/// </summary>
/// <param name="Map">Where each value of the document was written.</param>
/// <param name="Catalog">The reference data the scenario compiled on.</param>
/// <param name="Calibration">The user's calibration table the catalog holds, or null for the embedded calibration.</param>
/// <param name="EvidenceFiles">Each evidence entry's file as read (entries whose file could not be read are absent).</param>
internal sealed record ScenarioInputs(
    SourceMap Map,
    ReferenceCatalog Catalog,
    CalibrationSource? Calibration,
    IReadOnlyDictionary<EvidenceDocument, Evidence.EvidenceFile> EvidenceFiles);
