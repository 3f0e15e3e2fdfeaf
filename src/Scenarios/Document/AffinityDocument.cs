namespace StemSimulator.Scenarios.Document;

/// <summary>
/// How members weigh candidates (all optional; defaults in brackets). Member i's utility for candidate c is
/// acceptance - distance |theta_i - theta_c| + region [same group] + campaign_c + reciprocity [pledge or trade]
/// + shocks + preference_sd eta + round_sd eps; it votes for its favourites with utility &gt; 0, up to the open seats.
/// </summary>
public sealed class AffinityDocument
{
    /// <summary>Utility of a candidate at distance zero [2.0], -20 to 20: lower means more blank and partial ballots.</summary>
    public double? Acceptance { get; init; }

    /// <summary>Utility lost per unit of distance between calibrated positions [0.8], 0 to 20.</summary>
    public double? Distance { get; init; }

    /// <summary>Regional solidarity: bonus for a candidate of the member's own group [0.5], -20 to 20.</summary>
    public double? Region { get; init; }

    /// <summary>Bonus of a pledge or a vote trade [1.0], -20 to 20.</summary>
    public double? Reciprocity { get; init; }

    /// <summary>Standard deviation of a member's own taste for a candidate, fixed within a trial [1.0], 0 to 20.</summary>
    public double? PreferenceSd { get; init; }

    /// <summary>Standard deviation of the noise new at every ballot [0.3], 0 to 20.</summary>
    public double? RoundSd { get; init; }
}
