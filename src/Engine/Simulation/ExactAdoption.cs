using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Exact probability that a vote adopts, given each member's probabilities of voting yes and no, when members
/// vote independently (which they do once a trial's shocks and position draws are fixed). Dynamic programming
/// over the vote margin, a Poisson-binomial-style convolution in O(n^2).
/// </summary>
internal static class ExactAdoption
{
    /// <summary>Zero padding on each side of the margin buffers, so vector loads never leave them.</summary>
    private const int Margin = 8;

    /// <summary>Entries below this are dropped from the ends of the margin distribution (tail pruning).</summary>
    /// <remarks>At most (w + 1) entries are pruned per member, so the probability lost is below 600 * 2^-60 = 5e-16.</remarks>
    private const double PruneBelow = 8.673617379884035e-19;

    /// <summary>Length of each scratch buffer <see cref="GeneralAssembly"/> needs for <paramref name="members"/> members.</summary>
    public static int BufferLength(int members) => (3 * members) + 1 + (2 * Margin) + Vector256<double>.Count;

    /// <summary>
    /// P(adopted) in the General Assembly. For a simple majority the programme runs over the margin
    /// d = yes - no in [-n, n] and sums P(d &gt; 0); for two-thirds over d = yes - 2 no in [-2n, n] and sums
    /// P(d &gt;= 0) minus P(nobody votes yes or no), since a proposal with nobody present and voting is not adopted.
    /// Each member moves the distribution by f'(d) = p0 f(d) + pYes f(d - 1) + pNo f(d + w), w = 1 or 2,
    /// computed four margins at a time; entries below 2^-60 at the ends of the support are pruned, so the work
    /// follows the distribution's width (about 17 standard deviations) rather than the full range.
    /// </summary>
    /// <param name="pYes">P(yes) per member.</param>
    /// <param name="pNo">P(no) per member; pYes + pNo &lt;= 1, the rest abstains or is absent.</param>
    /// <param name="rule">The majority.</param>
    /// <param name="bufferA">Scratch of length &gt;= <see cref="BufferLength"/>.</param>
    /// <param name="bufferB">Scratch of length &gt;= <see cref="BufferLength"/>.</param>
    public static double GeneralAssembly(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, MajorityRule rule, Span<double> bufferA, Span<double> bufferB)
    {
        int n = pYes.Length;
        int w = rule == MajorityRule.TwoThirds ? 2 : 1;
        int offset = Margin + (w * n); // index of d = 0
        int size = BufferLength(n);
        var current = bufferA[..size];
        var next = bufferB[..size];
        current.Clear();
        next.Clear();
        current[offset] = 1.0;
        int lo = offset, hi = offset; // the support: entries outside [lo, hi] are zero
        double nobodyVotes = 1.0;
        for (int i = 0; i < n; i++)
        {
            double py = pYes[i], pn = pNo[i], p0 = Math.Max(0.0, 1.0 - py - pn);
            nobodyVotes *= p0;
            int newLo = pn > 0 ? lo - w : lo;
            int newHi = py > 0 ? hi + 1 : hi;
            var vp0 = Vector256.Create(p0);
            var vpy = Vector256.Create(py);
            var vpn = Vector256.Create(pn);
            ref double from = ref MemoryMarshal.GetReference(current);
            ref double to = ref MemoryMarshal.GetReference(next);
            for (int d = newLo; d <= newHi; d += Vector256<double>.Count)
            {
                var value = vp0 * Vector256.LoadUnsafe(ref from, (nuint)d);
                value = Vector256.FusedMultiplyAdd(vpy, Vector256.LoadUnsafe(ref from, (nuint)(d - 1)), value);
                value = Vector256.FusedMultiplyAdd(vpn, Vector256.LoadUnsafe(ref from, (nuint)(d + w)), value);
                value.StoreUnsafe(ref to, (nuint)d);
            }

            // Lanes written past newHi hold exact zeros (they read only zeros or multiply by a zero probability).
            current[lo..(hi + Vector256<double>.Count)].Clear();
            while (newLo < newHi && next[newLo] < PruneBelow)
            {
                next[newLo++] = 0.0;
            }

            while (newHi > newLo && next[newHi] < PruneBelow)
            {
                next[newHi--] = 0.0;
            }

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
    /// <param name="buffer">Scratch of length &gt;= 10.</param>
    public static double SecurityCouncil(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, ReadOnlySpan<PermanentMembers> permanent, CouncilDecision decision, Span<double> buffer)
    {
        // count[k] = P(k yes so far) for k < 9; count[9] = P(at least 9 yes so far), an absorbing state, so the
        // recursion never runs past ten entries.
        const int enough = SecurityCouncilRules.RequiredYesVotes;
        int n = pYes.Length;
        var count = buffer[..(enough + 1)];
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

            int top = Math.Min(i + 1, enough);
            if (top == enough)
            {
                count[enough] += count[enough - 1] * py;
                top--;
            }

            for (int k = top; k >= 1; k--)
            {
                count[k] = (count[k] * (1.0 - py)) + (count[k - 1] * py);
            }

            count[0] *= 1.0 - py;
        }

        return Math.Clamp(noVeto * count[enough], 0.0, 1.0);
    }
}
