namespace StemSimulator.Scenarios.Document;

/// <summary>Correlated shocks of an election, drawn once per trial, in utility units.</summary>
public sealed class ElectionShocksDocument
{
    /// <summary>Standard deviation of each candidate's shock, shared by all members (0 to 5).</summary>
    public double? CandidateSd { get; init; }

    /// <summary>Standard deviation of a bloc's shock per candidate, shared by its members (0 to 5), keyed by bloc name.</summary>
    public Dictionary<string, double>? Blocs { get; init; }
}
