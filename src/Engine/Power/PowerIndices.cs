namespace StemSimulator.Engine.Power;

/// <summary>The three a priori voting-power indices of one member of a simple voting game.</summary>
/// <param name="ShapleyShubik">
/// Shapley-Shubik index, 0 to 1: the share of the n! orderings of the members in which this member is pivotal (the
/// coalition of those before it loses, with it wins). phi_i = sum over swings S (i not in S, S loses, S + i wins) of
/// |S|! (n - |S| - 1)! / n!. The members' indices sum to 1.
/// </param>
/// <param name="BanzhafRaw">
/// Raw (absolute, Penrose) Banzhaf index, 0 to 1: the member's swings eta_i divided by the 2^(n-1) coalitions of the
/// others, i.e. the probability that its vote decides when every other member votes yes or no with probability 1/2.
/// </param>
/// <param name="BanzhafNormalized">
/// Normalized Banzhaf index, 0 to 1: eta_i / sum_j eta_j, the member's share of all swings. The members' values sum to 1.
/// </param>
public readonly record struct PowerIndices(double ShapleyShubik, double BanzhafRaw, double BanzhafNormalized);
