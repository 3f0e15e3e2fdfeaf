namespace StemSimulator.Engine.Rules;

/// <summary>The majority a General Assembly decision needs (Charter Art. 18).</summary>
public enum MajorityRule : byte
{
    /// <summary>Art. 18(3): more yes than no among members present and voting; a tie fails.</summary>
    Simple = 0,

    /// <summary>
    /// Art. 18(2), important questions: at least two-thirds of members present and voting, i.e. yes &gt;= 2 x no,
    /// and at least one yes (with nobody present and voting there is no majority at all).
    /// </summary>
    TwoThirds = 1,
}
