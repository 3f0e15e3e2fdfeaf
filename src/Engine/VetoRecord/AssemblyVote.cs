namespace StemSimulator.Engine.VetoRecord;

/// <summary>
/// A General Assembly resolution adopted by recorded vote, a GA row of <c>undl_2021/resolutions_1946_2021.csv</c>.
/// </summary>
/// <param name="Symbol">Resolution symbol, e.g. <c>A/RES/68/262</c> or <c>A/RES/66/253A</c>.</param>
/// <param name="Date">Day of the vote.</param>
/// <param name="Title">Title as catalogued ("Territorial integrity of Ukraine : resolution / adopted by the General Assembly").</param>
/// <param name="Yes">Votes in favour.</param>
/// <param name="No">Votes against.</param>
/// <param name="Abstain">Abstentions.</param>
internal sealed record AssemblyVote(string Symbol, DateOnly Date, string Title, int Yes, int No, int Abstain)
{
    /// <summary>Whether the resolution was adopted at an emergency special session (Uniting for Peace, 377 (V)).</summary>
    public bool EmergencySpecialSession => Symbol.Contains("/ES-", StringComparison.Ordinal);

    /// <summary>Yes votes as a share of the members voting yes, no or abstaining (0..1).</summary>
    public double YesShare => (double)Yes / Math.Max(1, Yes + No + Abstain);

    /// <summary>
    /// The yes share on the probit scale, Φ⁻¹((yes + ½) / (yes + no + abstain + 1)): the half-vote correction keeps
    /// unanimous votes (143-0-0) finite.
    /// </summary>
    public double ProbitYes => Engine.Randomness.StandardNormal.InverseCdf((Yes + 0.5) / (Yes + No + Abstain + 1.0));
}
