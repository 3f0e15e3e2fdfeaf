using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

public sealed class ExactAdoptionTests
{
    private static (double[] Yes, double[] No) Probabilities(int n, int seed)
    {
        var yes = new double[n];
        var no = new double[n];
        for (int i = 0; i < n; i++)
        {
            double a = 0.5 + (0.5 * Math.Sin((i + 1) * (seed + 1.3)));
            double b = (1 - a) * (0.5 + (0.5 * Math.Cos((i + 2) * (seed + 0.7))));
            yes[i] = a;
            no[i] = b;
        }

        return (yes, no);
    }

    /// <summary>Sums the probability of every one of the 3^n vote combinations the rule adopts.</summary>
    private static double BruteForce(double[] yes, double[] no, Func<int[], bool> adopts)
    {
        int n = yes.Length;
        var choice = new int[n];
        double total = 0;
        int combinations = (int)Math.Pow(3, n);
        for (int c = 0; c < combinations; c++)
        {
            int rest = c;
            double p = 1;
            for (int i = 0; i < n; i++)
            {
                choice[i] = rest % 3;
                rest /= 3;
                p *= choice[i] switch { 0 => yes[i], 2 => no[i], _ => 1 - yes[i] - no[i] };
            }

            if (adopts(choice))
            {
                total += p;
            }
        }

        return total;
    }

    [TestCase(MajorityRule.Simple, 1)]
    [TestCase(MajorityRule.Simple, 2)]
    [TestCase(MajorityRule.TwoThirds, 1)]
    [TestCase(MajorityRule.TwoThirds, 3)]
    public void General_assembly_matches_enumeration_of_all_combinations(MajorityRule rule, int seed)
    {
        var (yes, no) = Probabilities(9, seed);
        double expected = BruteForce(yes, no, c => GeneralAssemblyRules.IsAdopted(c.Count(x => x == 0), c.Count(x => x == 2), rule));

        double exact = ExactAdoption.GeneralAssembly(yes, no, rule, new double[ExactAdoption.BufferLength(9)], new double[ExactAdoption.BufferLength(9)]);

        Assert.That(exact, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Two_thirds_with_everyone_likely_abstaining_excludes_the_empty_vote()
    {
        double[] yes = [0.01, 0.0, 0.0];
        double[] no = [0.0, 0.0, 0.0];

        double exact = ExactAdoption.GeneralAssembly(yes, no, MajorityRule.TwoThirds, new double[ExactAdoption.BufferLength(3)], new double[ExactAdoption.BufferLength(3)]);

        Assert.That(exact, Is.EqualTo(0.01).Within(1e-15));
    }

    [TestCase(CouncilDecision.Substantive, 1)]
    [TestCase(CouncilDecision.Substantive, 4)]
    [TestCase(CouncilDecision.Procedural, 2)]
    public void Security_council_matches_enumeration_of_all_combinations(CouncilDecision decision, int seed)
    {
        var (yes, no) = Probabilities(15, seed);
        var permanent = TestModels.Council2026.Select(PermanentMembersExtensions.FromCode).ToArray();
        double expected = BruteForce(yes, no, c =>
        {
            var permanentNo = PermanentMembers.None;
            for (int i = 0; i < 15; i++)
            {
                if (c[i] == 2)
                {
                    permanentNo |= permanent[i];
                }
            }

            return SecurityCouncilRules.IsAdopted(c.Count(x => x == 0), permanentNo, decision);
        });

        double exact = ExactAdoption.SecurityCouncil(yes, no, permanent, decision, CouncilRule.Charter, new double[120]);

        Assert.That(exact, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void General_assembly_of_193_matches_a_two_dimensional_count_distribution()
    {
        // Independent formulation: the joint distribution of (yes, no) counts, then the rule on every cell.
        var (yes, no) = Probabilities(193, 5);
        var joint = new double[194, 194];
        joint[0, 0] = 1;
        for (int i = 0; i < 193; i++)
        {
            var next = new double[194, 194];
            for (int y = 0; y <= i; y++)
            {
                for (int n = 0; n + y <= i; n++)
                {
                    double p = joint[y, n];
                    if (p == 0)
                    {
                        continue;
                    }

                    next[y + 1, n] += p * yes[i];
                    next[y, n + 1] += p * no[i];
                    next[y, n] += p * (1 - yes[i] - no[i]);
                }
            }

            joint = next;
        }

        foreach (var rule in new[] { MajorityRule.Simple, MajorityRule.TwoThirds })
        {
            double expected = 0;
            for (int y = 0; y <= 193; y++)
            {
                for (int n = 0; n + y <= 193; n++)
                {
                    if (GeneralAssemblyRules.IsAdopted(y, n, rule))
                    {
                        expected += joint[y, n];
                    }
                }
            }

            double exact = ExactAdoption.GeneralAssembly(yes, no, rule, new double[ExactAdoption.BufferLength(193)], new double[ExactAdoption.BufferLength(193)]);
            Assert.That(exact, Is.EqualTo(expected).Within(1e-10), rule.ToString());
        }
    }

    [TestCase(6, 2)]
    [TestCase(6, 3)]
    [TestCase(7, 1)]
    [TestCase(5, int.MaxValue)]
    public void Reformed_council_rules_match_enumeration(int quota, int blocking)
    {
        // Nine members, three of them permanent: quota and "how many permanent noes block" vary.
        var (yes, no) = Probabilities(9, 7);
        PermanentMembers[] permanent = [PermanentMembers.China, PermanentMembers.France, PermanentMembers.Russia, .. Enumerable.Repeat(PermanentMembers.None, 6)];
        var rule = new CouncilRule(quota, blocking);
        double expected = BruteForce(yes, no, c =>
        {
            var permanentNo = PermanentMembers.None;
            for (int i = 0; i < 9; i++)
            {
                if (c[i] == 2)
                {
                    permanentNo |= permanent[i];
                }
            }

            return SecurityCouncilRules.IsAdopted(c.Count(x => x == 0), permanentNo, CouncilDecision.Substantive, rule);
        });

        double exact = ExactAdoption.SecurityCouncil(yes, no, permanent, CouncilDecision.Substantive, rule, new double[200]);

        Assert.That(exact, Is.EqualTo(expected).Within(1e-12));
    }

    [TestCase(9, 1, CouncilDecision.Substantive)]
    [TestCase(9, 1, CouncilDecision.Procedural)]
    [TestCase(14, int.MaxValue, CouncilDecision.Substantive)]
    [TestCase(15, 1, CouncilDecision.Substantive)]
    public void Four_trial_council_programme_equals_the_scalar_one_bit_for_bit(int quota, int blocking, CouncilDecision decision)
    {
        // Four different trials in the lanes, members of 25 with five permanent; one permanent member certain to vote
        // no in lane 2 (1 - pNo = 0, so its conditional P(yes) is taken as 0) and a certain yes in lane 3.
        const int N = 25, Stride = 28;
        PermanentMembers[] permanent = [PermanentMembers.China, PermanentMembers.France, PermanentMembers.UnitedKingdom, PermanentMembers.Russia, PermanentMembers.UnitedStates, .. Enumerable.Repeat(PermanentMembers.None, N - 5)];
        var rule = new CouncilRule(quota, blocking);
        var yes = new double[4 * Stride];
        var no = new double[4 * Stride];
        for (int lane = 0; lane < 4; lane++)
        {
            var (y, n) = Probabilities(N, 11 + lane);
            y.CopyTo(yes, lane * Stride);
            n.CopyTo(no, lane * Stride);
        }

        yes[(2 * Stride) + 3] = 0;
        no[(2 * Stride) + 3] = 1;
        yes[(3 * Stride) + 7] = 1;
        no[(3 * Stride) + 7] = 0;
        var result = new double[4];
        ExactAdoption.SingleVetoFourTrials(yes, no, Stride, permanent, decision, rule, new System.Runtime.Intrinsics.Vector256<double>[quota + 1], result);
        for (int lane = 0; lane < 4; lane++)
        {
            double scalar = ExactAdoption.SecurityCouncil(yes.AsSpan(lane * Stride, N), no.AsSpan(lane * Stride, N), permanent, decision, rule, new double[200]);
            Assert.That(BitConverter.DoubleToInt64Bits(result[lane]), Is.EqualTo(BitConverter.DoubleToInt64Bits(scalar)), $"lane {lane}: {result[lane]:R} vs {scalar:R}");
        }
    }
}
