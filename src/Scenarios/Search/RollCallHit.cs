using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Search;

/// <summary>One roll call found, with its relevance and the states its text concerns.</summary>
/// <param name="RollCall">The roll call with its counts and calibrated parameters.</param>
/// <param name="Score">Lucene's BM25 relevance (larger is closer; comparable only within one search).</param>
/// <param name="Concerns">ISO3 codes of the states the text concerns (roll_call_concerns.csv); empty when none is labelled.</param>
public sealed record RollCallHit(AnalogRollCall RollCall, double Score, IReadOnlyList<string> Concerns);
