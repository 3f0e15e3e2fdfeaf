namespace StemSimulator.Engine.Power;

/// <summary>
/// Shapley-Shubik and Banzhaf indices of any simple game with at most <see cref="MaxMembers"/> members, by visiting
/// every one of the 2^n coalitions. Slow (n 2^n steps) but independent of the counting by class in
/// <see cref="VotingPower"/>, which the tests check against it; it also serves rules that are not "quota plus veto".
/// </summary>
public static class BruteForcePower
{
    /// <summary>Most members: 2^24 coalitions, a few seconds.</summary>
    public const int MaxMembers = 24;

    /// <summary>The indices of a game given by its winning coalitions.</summary>
    /// <param name="members">Number of members n, 1 to <see cref="MaxMembers"/>.</param>
    /// <param name="isWinning">
    /// Whether a coalition wins; bit i of the mask set means member i is in it. The game should be monotone (adding a
    /// member never turns a winning coalition into a losing one) with a winning grand coalition.
    /// </param>
    /// <returns>One entry per member, in member order.</returns>
    /// <remarks>
    /// For every winning coalition T and member i in T with T - i losing, i is a swing for S = T - i:
    /// eta_i += 1 and phi_i += |S|! (n - 1 - |S|)! / n!. Raw Banzhaf is eta_i / 2^(n-1), normalized eta_i / sum eta.
    /// </remarks>
    public static PowerIndices[] Compute(int members, Func<ulong, bool> isWinning)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(members, MaxMembers);
        ArgumentNullException.ThrowIfNull(isWinning);
        int n = members;
        ulong all = (1UL << n) - 1;
        var wins = new bool[all + 1];
        for (ulong mask = 0; mask <= all; mask++)
        {
            wins[mask] = isWinning(mask);
        }

        // orderings[s] = s! (n - 1 - s)! / n!, by the recurrence orderings[s + 1] = orderings[s] (s + 1) / (n - 1 - s).
        var orderings = new double[n];
        orderings[0] = 1.0 / n;
        for (int s = 0; s + 1 < n; s++)
        {
            orderings[s + 1] = orderings[s] * (s + 1) / (n - 1 - s);
        }

        var swings = new double[n];
        var shapley = new double[n];
        for (ulong mask = 1; mask <= all; mask++)
        {
            if (!wins[mask])
            {
                continue;
            }

            int size = System.Numerics.BitOperations.PopCount(mask);
            for (int i = 0; i < n; i++)
            {
                ulong bit = 1UL << i;
                if ((mask & bit) != 0 && !wins[mask & ~bit])
                {
                    swings[i] += 1;
                    shapley[i] += orderings[size - 1];
                }
            }
        }

        double total = swings.Sum();
        var result = new PowerIndices[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = new PowerIndices(shapley[i], Math.ScaleB(swings[i], 1 - n), swings[i] / total);
        }

        return result;
    }

    /// <summary>The indices of every member of <paramref name="council"/> (at most <see cref="MaxMembers"/>), in the
    /// order of <see cref="CouncilPower.Members"/>.</summary>
    public static PowerIndices[] Compute(CouncilDefinition council)
    {
        ArgumentNullException.ThrowIfNull(council);
        var weights = council.Classes.SelectMany(c => Enumerable.Repeat(c.Weight, c.Count)).ToArray();
        var veto = council.Classes.SelectMany(c => Enumerable.Repeat(c.Veto, c.Count)).ToArray();
        return Compute(council.MemberCount, mask =>
        {
            long weight = 0;
            int vetoOutside = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if ((mask & (1UL << i)) != 0)
                {
                    weight += weights[i];
                }
                else if (veto[i])
                {
                    vetoOutside++;
                }
            }

            return council.IsWinning(weight, vetoOutside);
        });
    }
}
