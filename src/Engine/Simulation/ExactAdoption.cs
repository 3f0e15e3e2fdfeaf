using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Exact probability that a vote adopts, given each member's probabilities of voting yes and no, when members
/// vote independently (which they do once a trial's shocks and position draws are fixed). Dynamic programming
/// over the vote margin, a Poisson-binomial-style convolution in O(n^2).
/// </summary>
internal static class ExactAdoption
{
    /// <summary>
    /// P(adopted) in the General Assembly. For a simple majority the programme runs over the margin
    /// d = yes - no in [-n, n] and sums P(d &gt; 0); for two-thirds over d = yes - 2 no in [-2n, n] and sums
    /// P(d &gt;= 0) minus P(nobody votes yes or no), since a proposal with nobody present and voting is not adopted.
    /// Each member moves the distribution by f'(d) = p0 f(d) + pYes f(d - 1) + pNo f(d + w), w = 1 or 2.
    /// </summary>
    /// <param name="pYes">P(yes) per member.</param>
    /// <param name="pNo">P(no) per member; pYes + pNo &lt;= 1, the rest abstains or is absent.</param>
    /// <param name="rule">The majority.</param>
    /// <param name="bufferA">Scratch of length &gt;= 3n + 1.</param>
    /// <param name="bufferB">Scratch of length &gt;= 3n + 1.</param>
    public static double GeneralAssembly(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, MajorityRule rule, Span<double> bufferA, Span<double> bufferB)
    {
        int n = pYes.Length;
        int w = rule == MajorityRule.TwoThirds ? 2 : 1;
        int offset = w * n; // index of d = 0
        int size = offset + n + 1;
        var current = bufferA[..size];
        var next = bufferB[..size];
        current.Clear();
        next.Clear();
        current[offset] = 1.0;
        int lo = offset, hi = offset; // non-zero window
        double nobodyVotes = 1.0;
        for (int i = 0; i < n; i++)
        {
            double py = pYes[i], pn = pNo[i], p0 = 1.0 - py - pn;
            nobodyVotes *= p0;
            int newLo = pn > 0 ? lo - w : lo;
            int newHi = py > 0 ? hi + 1 : hi;
            for (int d = newLo; d <= newHi; d++)
            {
                double v = 0;
                if (d >= lo && d <= hi)
                {
                    v += p0 * current[d];
                }

                if (d - 1 >= lo && d - 1 <= hi)
                {
                    v += py * current[d - 1];
                }

                if (d + w >= lo && d + w <= hi)
                {
                    v += pn * current[d + w];
                }

                next[d] = v;
            }

            current[lo..(hi + 1)].Clear();
            var swap = current;
            current = next;
            next = swap;
            lo = newLo;
            hi = newHi;
        }

        double adopted = 0;
        int firstAdopting = rule == MajorityRule.TwoThirds ? offset : offset + 1;
        for (int d = Math.Max(firstAdopting, lo); d <= hi; d++)
        {
            adopted += current[d];
        }

        if (rule == MajorityRule.TwoThirds)
        {
            adopted -= nobodyVotes;
        }

        return Math.Clamp(adopted, 0.0, 1.0);
    }

    /// <summary>
    /// P(adopted) in the Security Council: P(at least nine yes), and for a substantive decision also no
    /// permanent member voting no. Conditioning on the permanent members not voting no,
    /// P = prod_p (1 - pNo_p) * P(yes &gt;= 9 | no permanent no), where a permanent member's conditional P(yes) is
    /// pYes / (1 - pNo). The yes count is a Poisson-binomial computed by the usual recursion.
    /// </summary>
    /// <param name="pYes">P(yes) per member.</param>
    /// <param name="pNo">P(no) per member.</param>
    /// <param name="permanent">Per member, whether it holds a veto.</param>
    /// <param name="decision">Substantive or procedural.</param>
    /// <param name="buffer">Scratch of length &gt;= n + 1.</param>
    public static double SecurityCouncil(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, ReadOnlySpan<PermanentMembers> permanent, CouncilDecision decision, Span<double> buffer)
    {
        int n = pYes.Length;
        var count = buffer[..(n + 1)];
        count.Clear();
        count[0] = 1.0;
        double noVeto = 1.0;
        for (int i = 0; i < n; i++)
        {
            double py = pYes[i];
            if (decision == CouncilDecision.Substantive && permanent[i] != PermanentMembers.None)
            {
                double notNo = 1.0 - pNo[i];
                noVeto *= notNo;
                py = notNo > 0 ? py / notNo : 0.0;
            }

            for (int k = i + 1; k >= 1; k--)
            {
                count[k] = (count[k] * (1.0 - py)) + (count[k - 1] * py);
            }

            count[0] *= 1.0 - py;
        }

        double enough = 0;
        for (int k = SecurityCouncilRules.RequiredYesVotes; k <= n; k++)
        {
            enough += count[k];
        }

        return Math.Clamp(noVeto * enough, 0.0, 1.0);
    }
}
