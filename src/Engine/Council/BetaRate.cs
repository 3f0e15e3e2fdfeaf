namespace StemSimulator.Engine.Council;

/// <summary>
/// A rate shrunk toward a prior mean: the posterior of a Beta(strength * prior, strength * (1 - prior)) prior after
/// <paramref name="Events"/> (weighted) successes in <paramref name="Trials"/> (weighted) trials.
/// </summary>
/// <param name="Events">Weighted successes, 0 &lt;= Events &lt;= Trials.</param>
/// <param name="Trials">Weighted trials, &gt;= 0.</param>
/// <param name="Prior">Prior mean in (0, 1).</param>
/// <param name="Strength">Prior strength (pseudo-trials), &gt; 0.</param>
public readonly record struct BetaRate(double Events, double Trials, double Prior, double Strength)
{
    private double A => Events + (Strength * Prior);

    private double B => Trials - Events + (Strength * (1 - Prior));

    /// <summary>Posterior mean (Events + Strength * Prior) / (Trials + Strength).</summary>
    public double Mean => A / (A + B);

    /// <summary>Posterior standard deviation sqrt(a b / ((a + b)^2 (a + b + 1))).</summary>
    public double StandardError => Math.Sqrt(A * B / ((A + B) * (A + B) * (A + B + 1)));
}
