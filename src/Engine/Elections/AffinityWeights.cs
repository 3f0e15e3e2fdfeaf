namespace StemSimulator.Engine.Elections;

/// <summary>
/// Weights of a member's affinity to a candidate. In trial t and ballot r, member i's utility for candidate c is
/// <code>
/// u(i,c,t,r) = A - D |theta_i(t) - theta_c(t)| + S 1[group_i = group_c] + campaign_c + R rho(i,c)
///            + g(c,t) + sum over i's shocked blocs b of h(b,c,t) + P eta(i,c,t) + Q eps(i,c,t,r)
/// </code>
/// with theta drawn per trial from the calibrated positions and their standard errors (shared with the votes of
/// the same trial), rho(i,c) = 1 when i pledged its vote to c or the two are vote-trading candidates, g and h
/// the correlated candidate and bloc shocks of the trial, and eta, eps independent standard normals (eta fixed for
/// the trial, eps new at every ballot). A member votes for the candidates of the highest utility, up to the open
/// seats, among those with u &gt; 0; a member that finds none acceptable casts a blank ballot (abstains). A member
/// standing in the seat group always votes for itself.
/// </summary>
/// <param name="Acceptance">A: utility of a candidate at distance zero, before the other terms (-20 to 20). Lower values mean more blank and partial ballots.</param>
/// <param name="Distance">D: utility lost per unit of distance on the position scale (0 to 20).</param>
/// <param name="Region">S: regional solidarity, the bonus for a candidate of the member's own regional group (-20 to 20).</param>
/// <param name="Reciprocity">R: the bonus of a pledge or a vote trade (-20 to 20).</param>
/// <param name="PreferenceSd">P: standard deviation of a member's own taste for a candidate, fixed within a trial (0 to 20).</param>
/// <param name="RoundSd">Q: standard deviation of the ballot-to-ballot noise (0 to 20); 0 makes repeated ballots identical.</param>
public sealed record AffinityWeights(double Acceptance, double Distance, double Region, double Reciprocity, double PreferenceSd, double RoundSd)
{
    /// <summary>The defaults of the scenario language.</summary>
    public static AffinityWeights Default { get; } = new(Acceptance: 2.0, Distance: 0.8, Region: 0.5, Reciprocity: 1.0, PreferenceSd: 1.0, RoundSd: 0.3);

    /// <summary>Throws when a weight is not finite or a standard deviation is negative.</summary>
    public void Validate()
    {
        foreach (double w in new[] { Acceptance, Distance, Region, Reciprocity, PreferenceSd, RoundSd })
        {
            if (!double.IsFinite(w))
            {
                throw new ArgumentOutOfRangeException(nameof(AffinityWeights), "Affinity weights must be finite.");
            }
        }

        if (Distance < 0 || PreferenceSd < 0 || RoundSd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AffinityWeights), "The distance weight and the standard deviations must be >= 0.");
        }
    }
}
