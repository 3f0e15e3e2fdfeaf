using StemSimulator.Engine.Power;

namespace StemSimulator.Tests.Engine.Power;

/// <summary>
/// The brute-force enumeration itself: against hand-computed values, and its Shapley-Shubik index against the
/// definition (the share of the n! orderings in which a member is pivotal), enumerated directly.
/// </summary>
public sealed class BruteForcePowerTests
{
    /// <summary>
    /// [3; 2, 1, 1]: A wins with B or C. Orderings where A is pivotal: 4 of 6 (A second, or A last): 2/3; B and C 1/6.
    /// Swings: A for {B}, {C}, {B, C} = 3; B for {A}; C for {A}: raw 3/4, 1/4, 1/4; normalized 3/5, 1/5, 1/5.
    /// </summary>
    [Test]
    public void Weighted_three_member_game_matches_hand_computation()
    {
        int[] weights = [2, 1, 1];
        var power = BruteForcePower.Compute(3, mask => Weight(mask, weights) >= 3);

        Assert.That(power.Select(p => p.ShapleyShubik), Is.EqualTo(new[] { 2.0 / 3, 1.0 / 6, 1.0 / 6 }).Within(1e-15));
        Assert.That(power.Select(p => p.BanzhafRaw), Is.EqualTo(new[] { 0.75, 0.25, 0.25 }).Within(1e-15));
        Assert.That(power.Select(p => p.BanzhafNormalized), Is.EqualTo(new[] { 0.6, 0.2, 0.2 }).Within(1e-15));
    }

    [TestCase(5, TestName = "Weighted game of five members")]
    [TestCase(7, TestName = "Weighted game of seven members")]
    public void Shapley_shubik_equals_the_share_of_orderings_in_which_a_member_is_pivotal(int n)
    {
        int[] weights = [.. Enumerable.Range(0, n).Select(i => 1 + (i * 3 % 5))];
        int quota = (weights.Sum() / 2) + 1;
        bool IsWinning(ulong mask) => Weight(mask, weights) >= quota && (mask & 1) != 0; // member 0 holds a veto

        var pivotal = new double[n];
        long orderings = 0;
        foreach (var order in Permutations(Enumerable.Range(0, n).ToArray()))
        {
            orderings++;
            ulong before = 0;
            foreach (int member in order)
            {
                if (!IsWinning(before) && IsWinning(before | (1UL << member)))
                {
                    pivotal[member]++;
                    break;
                }

                before |= 1UL << member;
            }
        }

        var power = BruteForcePower.Compute(n, IsWinning);

        Assert.That(power.Select(p => p.ShapleyShubik), Is.EqualTo(pivotal.Select(p => p / orderings)).Within(1e-14));
    }

    private static long Weight(ulong mask, int[] weights)
    {
        long total = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                total += weights[i];
            }
        }

        return total;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
