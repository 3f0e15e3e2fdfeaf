using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

// The random draws of a trial: shared shocks, members' noise and positions, and the drift path it records.
internal sealed partial class TrialKernel
{
    /// <summary>
    /// The vote's global shock, bloc shocks and analog shift, four normals at a time (the global shock is draw 0 of
    /// <see cref="RandomPurpose.GlobalShock"/>, bloc b is draw b of <see cref="RandomPurpose.BlocShock"/>, the analog's
    /// shift draw 0 of <see cref="RandomPurpose.AnalogShift"/>), then each member's total: the global shock and the
    /// analog's shift plus those of its blocs.
    /// </summary>
    /// <param name="plan">The vote.</param>
    /// <param name="random">The trial.</param>
    /// <param name="normals">The shocks' standard normals at <paramref name="offset"/> when <see cref="Draw"/> computed them; null to draw them here.</param>
    /// <param name="offset">Where they start.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DrawShocks(VotePlan plan, CounterRandom random, double[]? normals, int offset)
    {
        DrawShockValues(plan, random, normals, offset);

        // Each member: the common shock plus its blocs' in the blocs' order, summed in a register.
        double common = _shockDraws[0] + _shockDraws[plan.ShockedBlocs.Length + 1];
        var offsets = plan.MemberBlocOffsets;
        var blocs = plan.MemberBlocs;
        for (int i = 0; i < plan.Count; i++)
        {
            double shock = common;
            for (int b = offsets[i]; b < offsets[i + 1]; b++)
            {
                shock += _shockDraws[blocs[b] + 1];
            }

            _shock[i] = shock;
        }

        for (int i = plan.Count; i < plan.Padded; i++)
        {
            _shock[i] = common;
        }
    }

    /// <summary>
    /// The vote's shocks of one trial into <c>_shockDraws</c> (draw 0 the global shock, 1..B the shocked blocs', B + 1
    /// the analog's shift), scaled by their standard deviations: the first step of <see cref="DrawShocks"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DrawShockValues(VotePlan plan, CounterRandom random, double[]? normals, int offset)
    {
        var trialKey = Vector256.Create(random.TrialKey);
        for (int k = 0; k < plan.ShockKeys.Length; k += VotePlan.Lanes)
        {
            var normal = normals is null
                ? SimdMath.InverseNormal(SimdMath.UniformLow(SimdMath.Mix(trialKey + Load(plan.ShockKeys, k))))
                : Load(normals, offset + k);
            Store(_shockDraws, k, normal * Load(plan.ShockSds, k));
        }

        if (plan.AnalogShift.IsMixture)
        {
            _shockDraws[plan.ShockedBlocs.Length + 1] *= plan.AnalogScale(random);
        }
        else if (plan.AnalogShift.IsEmpirical)
        {
            _shockDraws[plan.ShockedBlocs.Length + 1] += plan.AnalogOffset(random);
        }
    }

    /// <summary>
    /// The members' own random numbers for one vote and trial: from one 64-bit hash each, the uniform deciding
    /// absence (high half) and the uniform of the latent noise (low half); the uniform of the position draw; the
    /// uniforms of the vote's shocks (<see cref="DrawShocks"/>); and, when asked for, all their normal quantiles in one
    /// pass. Kept for every variant whose members and keys equal the baseline's, so they are drawn once (without the
    /// shocks, which are the variant's own).
    /// </summary>
    /// <returns>Where the shocks' quantiles start in <see cref="MemberDraws.Normal"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Draw(VotePlan plan, CounterRandom random, MemberDraws draws, bool normals, bool positions, bool shocks)
    {
        var trialKey = Vector256.Create(random.TrialKey);
        int padded = plan.Padded;
        for (int i = 0; i < padded; i += VotePlan.Lanes)
        {
            var bits = SimdMath.Mix(trialKey + Load(plan.NoiseKey, i));
            Store(draws.AbsenceUniform, i, SimdMath.UniformHigh(bits));
            Store(draws.Uniform, i, SimdMath.UniformLow(bits));
            if (positions)
            {
                Store(draws.Uniform, padded + i, SimdMath.UniformLow(SimdMath.Mix(trialKey + Load(plan.PositionKey, i))));
            }
        }

        int shockOffset = positions ? 2 * padded : padded;
        int count = shockOffset;
        if (shocks)
        {
            for (int k = 0; k < plan.ShockKeys.Length; k += VotePlan.Lanes)
            {
                Store(draws.Uniform, shockOffset + k, SimdMath.UniformLow(SimdMath.Mix(trialKey + Load(plan.ShockKeys, k))));
            }

            count += plan.ShockKeys.Length;
        }

        if (normals)
        {
            SimdMath.InverseNormal(draws.Uniform, draws.Normal, count, draws.TailIndex);
        }

        draws.Valid = true;
        return shockOffset;
    }

    /// <summary>The drift statistics this kernel gathered, per variant (null for variants without drift).</summary>
    public IReadOnlyList<Drift.DriftStatistics?> DriftStatistics => _drift;

    /// <summary>Adds one trial's path to the drift histograms: every member's position and every tracked centre, every year.</summary>
    private static void Record(Drift.DriftModel drift, double[] path, Drift.DriftStatistics statistics)
    {
        int n = drift.Members;
        int years = drift.Years.Count + 1;
        var counts = statistics.MemberCounts;
        for (int y = 0; y < years; y++)
        {
            for (int i = 0; i < n; i++)
            {
                counts[(((y * n) + i) * Drift.DriftStatistics.Bins) + Drift.DriftStatistics.Bin(path[(y * n) + i])]++;
            }

            for (int c = 0; c < drift.Centres.Count; c++)
            {
                var members = drift.Centres[c].MembersByYear[y];
                if (members.Count == 0)
                {
                    continue;
                }

                double centre = 0;
                foreach (int m in members)
                {
                    centre += path[(y * n) + m];
                }

                statistics.CentreCounts[(((y * drift.Centres.Count) + c) * Drift.DriftStatistics.Bins) + Drift.DriftStatistics.Bin(centre / members.Count)]++;
            }
        }

        statistics.Trials++;
    }
}
