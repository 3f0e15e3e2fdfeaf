namespace StemSimulator.Scenarios.Document;

/// <summary>Outreach to target members: each one's latent support shifts by <see cref="Effect"/>.</summary>
public sealed class OutreachDocument
{
    /// <summary>The members reached (ISO3 codes).</summary>
    public required string[] Members { get; init; }

    /// <summary>Shift of latent support, -5 to 5 (positive: more support).</summary>
    public required double Effect { get; init; }
}
