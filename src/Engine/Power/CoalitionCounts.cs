namespace StemSimulator.Engine.Power;

/// <summary>
/// The number of coalitions of a multiset of members, by size s, weight w (capped at the quota q) and veto holders
/// outside m (capped at the blocking number b): the coefficients of the generating function
/// <code>
/// G(x, y, z) = prod over groups j of  sum_{c = 0..n_j} C(n_j, c) x^c y^(c w_j) z^(v_j (n_j - c))
/// </code>
/// where group j has n_j members of weight w_j, v_j = 1 for veto holders (0 otherwise), c of them join the coalition
/// and n_j - c stay outside.
/// </summary>
/// <remarks>
/// Capping is exact for the rule "w &gt;= q and m &lt; b": every weight from q upwards behaves like q, every m from b
/// upwards like b, and adding members only increases w and decreases nothing, so min(q, w) and min(b, m) are carried
/// through the product without loss. Cost: (sum_j (n_j + 1)) x (n + 1)(q + 1)(b + 1) multiply-adds.
/// </remarks>
internal sealed class CoalitionCounts
{
    private readonly double[] _counts;
    private readonly int _quota;
    private readonly int _blocking;

    private CoalitionCounts(double[] counts, int maxSize, int quota, int blocking)
    {
        _counts = counts;
        MaxSize = maxSize;
        _quota = quota;
        _blocking = blocking;
    }

    /// <summary>Largest coalition size counted: the number of members in the groups.</summary>
    public int MaxSize { get; }

    /// <summary>
    /// Number of coalitions with size <paramref name="size"/>, capped weight <paramref name="weight"/> (0 to q) and
    /// capped veto holders outside <paramref name="vetoOutside"/> (0 to b).
    /// </summary>
    public double this[int size, int weight, int vetoOutside] => _counts[Index(size, weight, vetoOutside, _quota, _blocking)];

    /// <summary>States (size, weight, veto) a table for <paramref name="members"/> members holds.</summary>
    public static long States(int members, int quota, int blocking) => (long)(members + 1) * (quota + 1) * (blocking + 1);

    /// <summary>Counts the coalitions of the given groups of identical members.</summary>
    /// <param name="groups">Per group: members n_j (0 or more), weight w_j (1 or more), veto flag.</param>
    /// <param name="quota">The quota q (weights beyond it are merged into it), 1 or more.</param>
    /// <param name="blocking">The blocking number b (veto holders outside beyond it are merged into it), 1 or more.</param>
    /// <param name="binomial">A triangle with rows up to the largest n_j.</param>
    public static CoalitionCounts Build(ReadOnlySpan<(int Count, int Weight, bool Veto)> groups, int quota, int blocking, PascalTriangle binomial)
    {
        int members = 0;
        foreach (var g in groups)
        {
            members += g.Count;
        }

        int stride = (quota + 1) * (blocking + 1);
        var current = new double[(members + 1) * stride];
        var next = new double[current.Length];
        current[Index(0, 0, 0, quota, blocking)] = 1.0;
        int size = 0;
        foreach (var (count, weight, veto) in groups)
        {
            if (count == 0)
            {
                continue;
            }

            Array.Clear(next);
            var row = binomial.Row(count);
            for (int s = 0; s <= size; s++)
            {
                for (int w = 0; w <= quota; w++)
                {
                    for (int m = 0; m <= blocking; m++)
                    {
                        double coalitions = current[Index(s, w, m, quota, blocking)];
                        if (coalitions == 0)
                        {
                            continue;
                        }

                        // c members of the group join; the other count - c stay outside (and count as vetoes if veto holders).
                        for (int c = 0; c <= count; c++)
                        {
                            int w2 = (int)Math.Min(quota, w + ((long)c * weight));
                            int m2 = veto ? Math.Min(blocking, m + count - c) : m;
                            next[Index(s + c, w2, m2, quota, blocking)] += coalitions * row[c];
                        }
                    }
                }
            }

            size += count;
            (current, next) = (next, current);
        }

        return new CoalitionCounts(current, size, quota, blocking);
    }

    private static int Index(int size, int weight, int vetoOutside, int quota, int blocking) =>
        (((size * (quota + 1)) + weight) * (blocking + 1)) + vetoOutside;
}
