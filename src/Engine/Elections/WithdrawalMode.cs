namespace StemSimulator.Engine.Elections;

/// <summary>Who may withdraw from a deadlocked seat group.</summary>
public enum WithdrawalMode
{
    /// <summary>The candidate with the fewest votes in the last ballot (ties by lot) withdraws with the given probability.</summary>
    Trailing,

    /// <summary>Each standing candidate withdraws independently with the given probability (the trailing first).</summary>
    Any,

    /// <summary>
    /// With the given probability every declared candidate still standing withdraws at once in favour of the
    /// compromise candidates (the 2006 Guatemala-Venezuela ending, when Panama came forward).
    /// </summary>
    All,
}
