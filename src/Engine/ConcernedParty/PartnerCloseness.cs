namespace StemSimulator.Engine.ConcernedParty;

/// <summary>How a member's closeness to the concerned state is measured for the partners' shift.</summary>
public enum PartnerCloseness
{
    /// <summary>Share of the roll calls of the five years before the vote that both attended with the same vote, in [0, 1] (at least 20 shared roll calls).</summary>
    Agreement,

    /// <summary>Position distance |theta_i - theta_c| of the calibrated positions of the vote's year, &gt;= 0.</summary>
    PositionDistance,
}

/// <summary>Names of <see cref="PartnerCloseness"/> as printed.</summary>
public static class PartnerClosenessNames
{
    /// <summary>The covariate's name as printed ("agreement", "position_distance").</summary>
    public static string Name(this PartnerCloseness closeness) => closeness switch
    {
        PartnerCloseness.Agreement => "agreement",
        PartnerCloseness.PositionDistance => "position_distance",
        _ => throw new ArgumentOutOfRangeException(nameof(closeness), closeness, "Unknown closeness measure."),
    };
}
