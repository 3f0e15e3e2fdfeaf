namespace StemSimulator.Scenarios.Document;

/// <summary>
/// Co-sponsorship by a coalition: the sponsors' support rises by <see cref="Effect"/>, and other members' by the
/// effect times their closeness to the sponsors, exp(-(theta - mean sponsor theta)^2 / (2 x 0.5^2)) on the calibrated
/// main dimension: a text carried by the EU and the small island states draws members who usually vote like them.
/// </summary>
public sealed class CosponsorsDocument
{
    /// <summary>Groups whose voting members co-sponsor (blocs such as EU, SIDS, AU or regional groups such as WEOG; any case), as of the vote's date.</summary>
    public string[]? Blocs { get; init; }

    /// <summary>Members of those groups that do not co-sponsor (ISO3 codes).</summary>
    public string[]? Except { get; init; }

    /// <summary>Further co-sponsoring members (ISO3 codes).</summary>
    public string[]? Members { get; init; }

    /// <summary>Shift of latent support for the sponsors themselves, -5 to 5 (positive: more support).</summary>
    public required double Effect { get; init; }
}
