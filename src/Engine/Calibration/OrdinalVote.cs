namespace StemSimulator.Engine.Calibration;

/// <summary>
/// A recorded vote as an ordered category of the ordered-probit model (docs/design.md, section The vote model): the latent support
/// y* = eta + e, e ~ N(0, 1), gives <see cref="No"/> below the first cut-point tau_1, <see cref="Yes"/> at or
/// above the second tau_2, and <see cref="Abstain"/> in between. Absence is not a category: it is a separate hurdle.
/// </summary>
public enum OrdinalVote : byte
{
    /// <summary>Against: y* &lt; tau_1.</summary>
    No = 0,

    /// <summary>Abstention: tau_1 &lt;= y* &lt; tau_2.</summary>
    Abstain = 1,

    /// <summary>In favour: y* &gt;= tau_2.</summary>
    Yes = 2,
}
