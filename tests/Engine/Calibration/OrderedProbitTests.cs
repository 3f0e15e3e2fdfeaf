using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>The ordered-probit likelihood: probabilities sum to one, derivatives match finite differences.</summary>
public sealed class OrderedProbitTests
{
    private static readonly OrdinalVote[] Votes = [OrdinalVote.No, OrdinalVote.Abstain, OrdinalVote.Yes];

    [TestCase(0.3, -1.0, 0.5)]
    [TestCase(-4.0, -1.0, 0.5)]
    [TestCase(9.0, -1.0, -0.8)]
    [TestCase(-30.0, 2.0, 2.1)]
    public void The_three_probabilities_sum_to_one(double eta, double tau1, double tau2)
    {
        double sum = Votes.Sum(v => Math.Exp(OrderedProbit.LogProbability(v, eta, tau1, tau2)));
        Assert.That(sum, Is.EqualTo(1).Within(1e-12));
    }

    [TestCase(0.3, -1.0, 0.5)]
    [TestCase(-2.5, -1.0, 0.5)]
    [TestCase(3.0, -0.2, 0.1)]
    [TestCase(6.0, -1.0, 0.5)]
    public void Derivatives_match_central_differences(double eta, double tau1, double tau2)
    {
        const double h = 1e-5;
        foreach (var vote in Votes)
        {
            var t = OrderedProbit.Evaluate(vote, eta, tau1, tau2);
            double F(double e, double a, double b) => OrderedProbit.LogProbability(vote, e, a, b);
            double G(Func<double, double, double, double> f, int k, double e, double a, double b) => k switch
            {
                0 => (f(e + h, a, b) - f(e - h, a, b)) / (2 * h),
                1 => (f(e, a + h, b) - f(e, a - h, b)) / (2 * h),
                _ => (f(e, a, b + h) - f(e, a, b - h)) / (2 * h),
            };

            Assert.That(t.DEta, Is.EqualTo(G(F, 0, eta, tau1, tau2)).Within(1e-6), $"{vote} d/deta");
            Assert.That(t.DTau1, Is.EqualTo(G(F, 1, eta, tau1, tau2)).Within(1e-6), $"{vote} d/dtau1");
            Assert.That(t.DTau2, Is.EqualTo(G(F, 2, eta, tau1, tau2)).Within(1e-6), $"{vote} d/dtau2");

            double DEta(double e, double a, double b) => OrderedProbit.Evaluate(vote, e, a, b).DEta;
            double DTau1(double e, double a, double b) => OrderedProbit.Evaluate(vote, e, a, b).DTau1;
            double DTau2(double e, double a, double b) => OrderedProbit.Evaluate(vote, e, a, b).DTau2;
            Assert.That(t.HEtaEta, Is.EqualTo(G(DEta, 0, eta, tau1, tau2)).Within(1e-5), $"{vote} eta eta");
            Assert.That(t.HEtaTau1, Is.EqualTo(G(DEta, 1, eta, tau1, tau2)).Within(1e-5), $"{vote} eta tau1");
            Assert.That(t.HEtaTau2, Is.EqualTo(G(DEta, 2, eta, tau1, tau2)).Within(1e-5), $"{vote} eta tau2");
            Assert.That(t.HTau1Tau1, Is.EqualTo(G(DTau1, 1, eta, tau1, tau2)).Within(1e-5), $"{vote} tau1 tau1");
            Assert.That(t.HTau1Tau2, Is.EqualTo(G(DTau1, 2, eta, tau1, tau2)).Within(1e-5), $"{vote} tau1 tau2");
            Assert.That(t.HTau2Tau2, Is.EqualTo(G(DTau2, 2, eta, tau1, tau2)).Within(1e-5), $"{vote} tau2 tau2");

            // Shifting eta and both cut-points together leaves P unchanged: each Hessian row sums to zero.
            Assert.That(t.HEtaEta + t.HEtaTau1 + t.HEtaTau2, Is.EqualTo(0).Within(1e-9), $"{vote} row sum");
            Assert.That(t.HEtaEta, Is.LessThanOrEqualTo(1e-12), $"{vote} concave in eta");
        }
    }

    [Test]
    public void Log_probability_alone_is_bit_for_bit_the_full_evaluations()
    {
        // The line searches' log P must be the Newton steps' to the last bit: both tails, the centre, narrow and wide gaps.
        var cuts = new (double Tau1, double Tau2)[] { (-1.0, 0.5), (-0.2, 0.1), (2.0, 2.1), (-3.0, 4.0), (0.7, 0.7) };
        foreach (var (tau1, tau2) in cuts)
        {
            for (double eta = -45; eta <= 45; eta += 0.0173)
            {
                foreach (var vote in Votes)
                {
                    double logP = OrderedProbit.LogProbability(vote, eta, tau1, tau2);
                    var full = OrderedProbit.Evaluate(vote, eta, tau1, tau2);
                    var (etaLogP, gradient, curvature) = OrderedProbit.EvaluateEta(vote, eta, tau1, tau2);
                    string at = $"{vote} at eta = {eta:R}, tau = ({tau1}, {tau2})";
                    Assert.That(BitConverter.DoubleToInt64Bits(logP), Is.EqualTo(BitConverter.DoubleToInt64Bits(full.LogP)), at);
                    Assert.That(BitConverter.DoubleToInt64Bits(etaLogP), Is.EqualTo(BitConverter.DoubleToInt64Bits(full.LogP)), at);
                    Assert.That(BitConverter.DoubleToInt64Bits(gradient), Is.EqualTo(BitConverter.DoubleToInt64Bits(full.DEta)), at);
                    Assert.That(BitConverter.DoubleToInt64Bits(curvature), Is.EqualTo(BitConverter.DoubleToInt64Bits(full.HEtaEta)), at);
                }
            }
        }
    }
}
