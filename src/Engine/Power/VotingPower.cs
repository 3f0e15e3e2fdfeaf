using System.Globalization;

namespace StemSimulator.Engine.Power;

/// <summary>
/// Exact Shapley-Shubik and Banzhaf indices of a council, counted by seat class with generating functions
/// (<see cref="CoalitionCounts"/>); no sampling.
/// </summary>
/// <remarks>
/// <para>
/// Members of one seat class are symmetric, so it is enough to compute one seat per class. For a seat i of class k,
/// the coalitions S of the other n - 1 members are counted by size s, weight w and veto holders outside m. The seat
/// is a swing for S when S + i wins and S loses:
/// </para>
/// <code>
/// min(q, w + w_k) &gt;= q  and  m &lt; b          (S + i wins)
/// not (w &gt;= q  and  m + v_k &lt; b)             (S loses; i itself is outside S)
/// </code>
/// <para>With G(s, w, m) the number of such coalitions:</para>
/// <code>
/// eta_i          = sum over swing states of G(s, w, m)
/// Shapley-Shubik = sum over swing states of G(s, w, m) s! (n - 1 - s)! / n!  =  sum G(s, w, m) / (n C(n - 1, s))
/// Banzhaf raw    = eta_i / 2^(n - 1)
/// Banzhaf norm.  = eta_i / sum_j eta_j      (sum over all members j)
/// </code>
/// <para>
/// Weights are first divided by their greatest common divisor g (and the quota rounded up: w(S) &gt;= q exactly when
/// w(S)/g &gt;= ceil(q/g)), so the usual one-member-one-vote council costs O(K n^2 b) for K classes. Counts are
/// doubles: exact below 2^53, and relative rounding of about 1e-15 beyond, far below any digit reported.
/// </para>
/// </remarks>
public static class VotingPower
{
    /// <summary>Largest coalition table (size x capped weight x capped veto count) the exact computation builds.</summary>
    public const long MaxStates = 1L << 22;

    /// <summary>Most multiply-adds the exact computation may take (a few seconds on one core).</summary>
    public const long MaxWork = 4_000_000_000;

    /// <summary>
    /// Why the exact computation would be too large for <paramref name="council"/> (too many members of distinct
    /// weights), or <see langword="null"/> when it fits the limits.
    /// </summary>
    public static string? SizeProblem(CouncilDefinition council)
    {
        ArgumentNullException.ThrowIfNull(council);
        var (_, quota) = Reduced(council);
        long states = CoalitionCounts.States(council.MemberCount, quota, council.VetoBlocking);
        long work = council.Classes.Count * council.Classes.Sum(c => (long)c.Count + 1) * states;
        if (states <= MaxStates && work <= MaxWork)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"the council '{council.Name}' is too large for the exact computation ({council.MemberCount} members in {council.Classes.Count} seat classes, quota {council.Quota}: {states:N0} coalition states, {work:N0} steps; the limits are {MaxStates:N0} and {MaxWork:N0}); group members of equal weight and veto status into one class, or use smaller weights");
    }

    /// <summary>Computes the exact indices of every seat class of <paramref name="council"/>.</summary>
    /// <exception cref="ArgumentException">The council exceeds the limits (see <see cref="SizeProblem"/>).</exception>
    public static CouncilPower Compute(CouncilDefinition council)
    {
        ArgumentNullException.ThrowIfNull(council);
        if (SizeProblem(council) is { } problem)
        {
            throw new ArgumentException(problem, nameof(council));
        }

        var (weights, quota) = Reduced(council);
        int n = council.MemberCount;
        int blocking = council.VetoBlocking;
        var binomial = new PascalTriangle(n);
        var classes = council.Classes;
        var shapley = new double[classes.Count];
        var swings = new double[classes.Count];
        var groups = new (int Count, int Weight, bool Veto)[classes.Count];
        for (int k = 0; k < classes.Count; k++)
        {
            for (int j = 0; j < classes.Count; j++)
            {
                groups[j] = (classes[j].Count - (j == k ? 1 : 0), weights[j], classes[j].Veto);
            }

            var counts = CoalitionCounts.Build(groups, quota, blocking, binomial);
            (swings[k], shapley[k]) = Pivots(counts, n, quota, blocking, weights[k], classes[k].Veto ? 1 : 0, binomial);
        }

        double totalSwings = 0;
        for (int k = 0; k < classes.Count; k++)
        {
            totalSwings += classes[k].Count * swings[k];
        }

        var result = new SeatClassPower[classes.Count];
        for (int k = 0; k < classes.Count; k++)
        {
            var indices = new PowerIndices(shapley[k], Math.ScaleB(swings[k], 1 - n), swings[k] / totalSwings);
            result[k] = new SeatClassPower(classes[k], indices, swings[k]);
        }

        return new CouncilPower(council, result);
    }

    /// <summary>
    /// A member's swings (coalitions of the others it turns from losing to winning) and its Shapley-Shubik index (each
    /// such coalition of size s weighed by s! (n - 1 - s)! / n!), from the counts of the others' coalitions.
    /// </summary>
    private static (double Swings, double Shapley) Pivots(CoalitionCounts counts, int n, int quota, int blocking, int own, int ownVeto, PascalTriangle binomial)
    {
        double swings = 0, shapley = 0;
        for (int s = 0; s <= counts.MaxSize; s++)
        {
            // s! (n - 1 - s)! / n! = 1 / (n C(n - 1, s)).
            double orderings = 1.0 / (n * binomial[n - 1, s]);
            for (int w = 0; w <= quota; w++)
            {
                for (int m = 0; m <= blocking; m++)
                {
                    double coalitions = counts[s, w, m];
                    if (coalitions == 0)
                    {
                        continue;
                    }

                    bool winsWith = w + own >= quota && m < blocking;
                    bool winsWithout = w >= quota && m + ownVeto < blocking;
                    if (winsWith && !winsWithout)
                    {
                        swings += coalitions;
                        shapley += coalitions * orderings;
                    }
                }
            }
        }

        return (swings, shapley);
    }

    /// <summary>Weights divided by their greatest common divisor g, and the quota ceil(q / g).</summary>
    private static (int[] Weights, int Quota) Reduced(CouncilDefinition council)
    {
        int divisor = 0;
        foreach (var c in council.Classes)
        {
            divisor = Gcd(divisor, c.Weight);
        }

        var weights = council.Classes.Select(c => c.Weight / divisor).ToArray();
        int quota = (int)(((long)council.Quota + divisor - 1) / divisor);
        return (weights, quota);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
