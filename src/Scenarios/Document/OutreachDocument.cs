namespace StemSimulator.Scenarios.Document;

/// <summary>Outreach to target members: each one's latent support shifts by <see cref="Effect"/>.</summary>
public sealed class OutreachDocument
{
    /// <summary>The members reached (ISO3 codes).</summary>
    public string[]? Members { get; init; }

    /// <summary>Groups whose voting members are reached (blocs such as AU or regional groups such as GRULAC; any case), as of the vote's date.</summary>
    public string[]? Blocs { get; init; }

    /// <summary>Members of those groups that are not reached (ISO3 codes).</summary>
    public string[]? Except { get; init; }

    /// <summary>Shift of latent support, -5 to 5 (positive: more support).</summary>
    public required double Effect { get; init; }
}
