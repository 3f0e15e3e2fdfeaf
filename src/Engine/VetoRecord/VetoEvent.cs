namespace StemSimulator.Engine.VetoRecord;

/// <summary>
/// The vetoes cast on one day on one crisis topic, counted as one event: the four Namibia drafts vetoed on 30 April 1981
/// are one occasion for a follow-up, not four.
/// </summary>
/// <param name="Date">Day of the Council votes.</param>
/// <param name="Topic">Crisis topic.</param>
/// <param name="Drafts">The vetoed drafts, in data order.</param>
/// <param name="VetoedBy">The vetoing permanent members, sorted and distinct.</param>
/// <param name="FollowUps">The follow-ups found within the window, by date then symbol (empty when none).</param>
/// <param name="Comparison">The last same-subject recorded vote before the veto (within five years), or null.</param>
internal sealed record VetoEvent(
    DateOnly Date,
    string Topic,
    IReadOnlyList<string> Drafts,
    IReadOnlyList<string> VetoedBy,
    IReadOnlyList<AssemblyVote> FollowUps,
    AssemblyVote? Comparison)
{
    /// <summary>Whether a follow-up was found.</summary>
    public bool FollowedUp => FollowUps.Count > 0;

    /// <summary>
    /// The shift of latent support of the first follow-up against the comparison vote on the probit scale:
    /// Φ⁻¹(yes share of the follow-up) − Φ⁻¹(yes share of the comparison) (see <see cref="AssemblyVote.ProbitYes"/>);
    /// null without either.
    /// </summary>
    public double? ProbitShift => FollowedUp && Comparison is not null ? FollowUps[0].ProbitYes - Comparison.ProbitYes : null;
}
