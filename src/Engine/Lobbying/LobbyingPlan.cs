namespace StemSimulator.Engine.Lobbying;

/// <summary>The members to win over, in the order the optimiser chose them.</summary>
/// <param name="BaselinePAdopted">P(adopted) without outreach (same trials, same random numbers).</param>
/// <param name="Steps">One step per member chosen.</param>
/// <param name="TopSwingPAdopted">
/// For comparison: P(adopted) when instead the k members with the largest swing (the simplest heuristic) are won over.
/// </param>
/// <param name="TopSwingMembers">Those k members.</param>
public sealed record LobbyingPlan(double BaselinePAdopted, IReadOnlyList<LobbyingStep> Steps, double TopSwingPAdopted, IReadOnlyList<string> TopSwingMembers)
{
    /// <summary>Monte Carlo standard error of <see cref="BaselinePAdopted"/> on the optimiser's trials.</summary>
    public double BaselineStandardError { get; init; }

    /// <summary>P(adopted) with all chosen members won over.</summary>
    public double PAdopted => Steps.Count == 0 ? BaselinePAdopted : Steps[^1].PAdopted;
}
