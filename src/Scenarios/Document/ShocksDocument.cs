namespace StemSimulator.Scenarios.Document;

/// <summary>Sizes of the correlated shocks, in latent units (a member's own noise has standard deviation 1).</summary>
public sealed class ShocksDocument
{
    /// <summary>Standard deviation of the shock shared by all members (0 to 5).</summary>
    public double? GlobalSd { get; init; }

    /// <summary>Standard deviation of each bloc's shared shock (0 to 5), keyed by bloc name (EU, AU, NAM, ...).</summary>
    public Dictionary<string, double>? Blocs { get; init; }
}
