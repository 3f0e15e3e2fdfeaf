namespace StemSimulator.Scenarios.Document;

/// <summary>Changes a variant makes to one election (each replaces the election's own entry).</summary>
public sealed class VariantElectionDocument
{
    /// <summary>Campaign strengths per candidate (merged over the election's, candidate by candidate).</summary>
    public Dictionary<string, double>? Campaign { get; init; }

    /// <summary>Pledges per candidate (replacing the election's for the candidates named).</summary>
    public Dictionary<string, string[]>? Pledges { get; init; }

    /// <summary>Other affinity weights (field by field).</summary>
    public AffinityDocument? Affinity { get; init; }

    /// <summary>Another withdrawal model.</summary>
    public WithdrawalDocument? Withdrawal { get; init; }
}
