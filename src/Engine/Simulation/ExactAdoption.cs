using System.Runtime.CompilerServices;
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
    public static int BufferLength(int members) => ((MajorityRules.LargestNoWeight + 1) * members) + 1 + (2 * Margin) + Vector256<double>.Count;

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
    // The measured hot path of the exact estimator (bench/: the exact conditional programme, once per trial and vote):
    // it stays one method over the 60-line guide because the support bounds, the two buffers and the vector loop share
    // their locals; a split waits for a benchmark before and after. AggressiveOptimization (compiled by KernelWarmUp):
    // crossgen2 leaves it out of the image (Vector256), and the estimator's pilot, the first code to run it, compiled it
    // five times on the run's critical path (instrumented tier 0, then four on-stack replacements).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double GeneralAssembly(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, MajorityRule rule, Span<double> bufferA, Span<double> bufferB)
    {
        int n = pYes.Length;
        int w = rule.NoWeight();
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
        int firstAdopting = offset + rule.MinimumMargin();
        for (int d = Math.Max(firstAdopting, lo); d <= hi; d++)
        {
            adopted += current[d];
        }

        // Nobody voting is the one tally with yes = 0 at a margin of 0 or more.
        if (rule.RequiresAYes())
        {
            adopted -= nobodyVotes;
        }

        return Math.Clamp(adopted, 0.0, 1.0);
    }

    /// <summary>
    /// P(adopted) in the Security Council (today's or a reformed one): P(at least <c>quota</c> yes), and for a
    /// substantive decision also fewer than <c>VetoBlocking</c> permanent members voting no. With the Charter's single
    /// veto, conditioning on no permanent member voting no gives
    /// P = prod_p (1 - pNo_p) * P(yes &gt;= quota | no permanent no), a permanent member's conditional P(yes) being
    /// pYes / (1 - pNo), and the yes count is a Poisson-binomial computed by the usual recursion, truncated at the
    /// quota (an absorbing state). With a veto that needs several permanent members the recursion runs over
    /// (yes count, permanent noes), both truncated.
    /// </summary>
    /// <param name="pYes">P(yes) per member.</param>
    /// <param name="pNo">P(no) per member.</param>
    /// <param name="permanent">Per member, whether it holds a veto.</param>
    /// <param name="decision">Substantive or procedural.</param>
    /// <param name="rule">Quota and veto.</param>
    /// <param name="buffer">Scratch of length &gt;= (quota + 1) x 6.</param>
    public static double SecurityCouncil(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, ReadOnlySpan<PermanentMembers> permanent, CouncilDecision decision, CouncilRule rule, Span<double> buffer)
    {
        bool veto = decision == CouncilDecision.Substantive && rule.HasVeto;
        return !veto || rule.VetoBlocking == 1
            ? SingleVeto(pYes, pNo, permanent, veto, rule.Quota, buffer)
            : SeveralToBlock(pYes, pNo, permanent, rule.Quota, Math.Min(rule.VetoBlocking, 5), buffer);
    }

    /// <summary>The Charter's rule (or no veto at all): the yes count truncated at the quota, times P(no veto).</summary>
    private static double SingleVeto(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, ReadOnlySpan<PermanentMembers> permanent, bool veto, int quota, Span<double> buffer)
    {
        int n = pYes.Length;
        var count = buffer[..(quota + 1)];
        count.Clear();
        count[0] = 1.0;
        double noVeto = 1.0;
        for (int i = 0; i < n; i++)
        {
            double py = pYes[i];
            if (veto && permanent[i] != PermanentMembers.None)
            {
                double notNo = 1.0 - pNo[i];
                noVeto *= notNo;
                py = notNo > 0 ? py / notNo : 0.0;
            }

            int top = Math.Min(i + 1, quota);
            if (top == quota)
            {
                count[quota] += count[quota - 1] * py;
                top--;
            }

            for (int k = top; k >= 1; k--)
            {
                count[k] = (count[k] * (1.0 - py)) + (count[k - 1] * py);
            }

            count[0] *= 1.0 - py;
        }

        return Math.Clamp(noVeto * count[quota], 0.0, 1.0);
    }

    /// <summary>
    /// Whether <see cref="SecurityCouncil"/> uses the single-veto programme for this rule, which
    /// <see cref="SingleVetoFourTrials"/> runs for four trials at once.
    /// </summary>
    public static bool IsSingleVeto(CouncilDecision decision, CouncilRule rule) =>
        !(decision == CouncilDecision.Substantive && rule.HasVeto) || rule.VetoBlocking == 1;

    /// <summary>
    /// <see cref="SecurityCouncil"/> for four trials of the same single-veto vote at once, one trial per vector lane:
    /// each lane performs exactly the scalar programme's operations in the same order (separate multiplies and
    /// adds, no fused multiply-add), so each result is bit for bit what the scalar programme gives for that trial.
    /// The truncation at the quota depends only on the member index, not on the probabilities, so it is shared.
    /// </summary>
    /// <param name="pYes">P(yes) of trial l's member i at <c>l * stride + i</c>.</param>
    /// <param name="pNo">P(no), laid out as <paramref name="pYes"/>.</param>
    /// <param name="stride">Distance between two trials' members.</param>
    /// <param name="permanent">Per member, whether it holds a veto (its length is the number of members).</param>
    /// <param name="decision">Substantive or procedural.</param>
    /// <param name="rule">Quota and veto; <see cref="IsSingleVeto"/> must hold.</param>
    /// <param name="buffer">Scratch of length &gt;= quota + 1.</param>
    /// <param name="result">The four probabilities, trial l in entry l.</param>
    public static void SingleVetoFourTrials(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, int stride, ReadOnlySpan<PermanentMembers> permanent, CouncilDecision decision, CouncilRule rule, Span<Vector256<double>> buffer, Span<double> result)
    {
        if (!IsSingleVeto(decision, rule))
        {
            throw new ArgumentException("The four-trial programme covers the single veto only.", nameof(rule));
        }

        bool veto = decision == CouncilDecision.Substantive && rule.HasVeto;
        int quota = rule.Quota;
        int n = permanent.Length;
        if (pYes.Length < (3 * stride) + n || pNo.Length < (3 * stride) + n || result.Length < 4)
        {
            throw new ArgumentException("Four trials of probabilities are needed.", nameof(pYes));
        }

        var count = buffer[..(quota + 1)];
        count.Clear();
        var one = Vector256.Create(1.0);
        count[0] = one;
        var noVeto = one;
        for (int i = 0; i < n; i++)
        {
            var py = Vector256.Create(pYes[i], pYes[stride + i], pYes[(2 * stride) + i], pYes[(3 * stride) + i]);
            if (veto && permanent[i] != PermanentMembers.None)
            {
                var notNo = one - Vector256.Create(pNo[i], pNo[stride + i], pNo[(2 * stride) + i], pNo[(3 * stride) + i]);
                noVeto *= notNo;
                py = Vector256.ConditionalSelect(Vector256.GreaterThan(notNo, Vector256<double>.Zero), py / notNo, Vector256<double>.Zero);
            }

            var pNot = one - py;
            int top = Math.Min(i + 1, quota);
            if (top == quota)
            {
                count[quota] += count[quota - 1] * py;
                top--;
            }

            for (int k = top; k >= 1; k--)
            {
                count[k] = (count[k] * pNot) + (count[k - 1] * py);
            }

            count[0] *= pNot;
        }

        var adopted = noVeto * count[quota];
        for (int l = 0; l < 4; l++)
        {
            result[l] = Math.Clamp(adopted.GetElement(l), 0.0, 1.0);
        }
    }

    /// <summary>
    /// A veto that needs <paramref name="blocking"/> permanent members: f(k, v) = P(k yes, v permanent noes so far),
    /// k truncated at the quota and v at <paramref name="blocking"/>; adopted when k = quota and v &lt; blocking.
    /// </summary>
    private static double SeveralToBlock(ReadOnlySpan<double> pYes, ReadOnlySpan<double> pNo, ReadOnlySpan<PermanentMembers> permanent, int quota, int blocking, Span<double> buffer)
    {
        int width = blocking + 1;
        int size = (quota + 1) * width;
        var current = buffer[..size];
        var next = buffer.Slice(size, size);
        current.Clear();
        current[0] = 1.0;
        for (int i = 0; i < pYes.Length; i++)
        {
            double py = pYes[i];
            double pn = permanent[i] != PermanentMembers.None ? pNo[i] : 0.0;
            double rest = 1.0 - py - pn;
            next.Clear();
            for (int k = 0; k <= quota; k++)
            {
                for (int v = 0; v <= blocking; v++)
                {
                    double f = current[(k * width) + v];
                    if (f == 0)
                    {
                        continue;
                    }

                    next[(Math.Min(k + 1, quota) * width) + v] += f * py;
                    next[(k * width) + Math.Min(v + 1, blocking)] += f * pn;
                    next[(k * width) + v] += f * rest;
                }
            }

            next.CopyTo(current);
        }

        double adopted = 0;
        for (int v = 0; v < blocking; v++)
        {
            adopted += current[(quota * width) + v];
        }

        return Math.Clamp(adopted, 0.0, 1.0);
    }
}
