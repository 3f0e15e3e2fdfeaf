using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>An anchored (incremental) fit against hand-computed posteriors of a member without votes.</summary>
public sealed class AnchoredFitTests
{
    private const double Step = 0.2;
    private const double AnchorVariance = 0.01;

    [Test]
    public void A_member_without_votes_keeps_the_anchor_and_its_variance_grows_by_one_step_a_year()
    {
        var result = Fit();

        // Member 2 was expected at every roll call of both years and absent from all: only the prior speaks.
        // theta_0 ~ N(0.5, s^2 + v), theta_1 - theta_0 ~ N(0, s^2): the MAP is the anchor, the variances s^2 + v and 2 s^2 + v.
        var first = result.Estimate(2, 0);
        var second = result.Estimate(2, 1);
        Assert.That(first.Theta, Is.EqualTo(0.5).Within(1e-6));
        Assert.That(second.Theta, Is.EqualTo(0.5).Within(1e-6));
        Assert.That(first.ThetaSe, Is.EqualTo(Math.Sqrt((Step * Step) + AnchorVariance)).Within(1e-6));
        Assert.That(second.ThetaSe, Is.EqualTo(Math.Sqrt((2 * Step * Step) + AnchorVariance)).Within(1e-6));

        // Offsets: ridge precision a = 1/0.5^2 = 4 each year, step precision b = 1/0.05^2 = 400 from the anchor's 0.2 and
        // between the years. Setting the gradient to 0: d1 = b d0 / (a + b), and d0 (a + 2b - b^2 / (a + b)) = 0.2 b.
        double a = 4, b = 400;
        double d0 = 0.2 * b / (a + (2 * b) - (b * b / (a + b)));
        Assert.That(first.Offsets[0], Is.EqualTo(d0).Within(1e-6));
        Assert.That(second.Offsets[0], Is.EqualTo(b * d0 / (a + b)).Within(1e-6));
    }

    [Test]
    public void An_anchored_fit_neither_rescales_nor_flips_the_positions()
    {
        var result = Fit();

        // Members 0 and 1 vote opposite ways on every roll call; the anchors put 0 at +1.2 and 1 at -0.8, and without
        // the normalisation of a full fit they stay on that side and scale: a full fit's re-centring over the
        // member-years with votes (members 0 and 1) would make their sum 0.
        Assert.That(result.Estimate(0, 1).Theta, Is.GreaterThan(0.5));
        Assert.That(result.Estimate(1, 1).Theta, Is.LessThan(-0.3));
        Assert.That(result.Estimate(0, 1).Theta + result.Estimate(1, 1).Theta, Is.GreaterThan(0.2), "not re-centred");
    }

    [Test]
    public void Anchors_require_a_given_position_step()
    {
        var (input, anchors) = Build();

        Assert.Throws<ArgumentException>(() => IdealPointEstimator.Fit(input, new CalibrationOptions { Threads = 1 }, anchors: anchors));
    }

    private static CalibrationResult Fit()
    {
        var (input, anchors) = Build();
        var options = new CalibrationOptions { EstimatePositionStep = false, PositionStepSd = Step, Threads = 1, PositionTolerance = 1e-9, MaxIterations = 500 };
        return IdealPointEstimator.Fit(input, options, anchors: anchors);
    }

    /// <summary>Three members, two years, six roll calls a year on issue 0; member 0 votes yes, 1 no, 2 is absent.</summary>
    private static (CalibrationInput Input, CalibrationAnchors Anchors) Build()
    {
        var years = new List<int>();
        var members = new List<int>();
        var rollCalls = new List<int>();
        var choices = new List<VoteChoice>();
        for (int r = 0; r < 12; r++)
        {
            years.Add(r / 6);
            foreach (var (member, choice) in new[] { (0, VoteChoice.Yes), (1, VoteChoice.No), (2, VoteChoice.Absent) })
            {
                members.Add(member);
                rollCalls.Add(r);
                choices.Add(choice);
            }
        }

        var input = new CalibrationInput(3, 2, 1, [.. years], [.. years.Select(_ => (byte)1)], [.. members], [.. rollCalls], [.. choices], []);
        var anchors = new CalibrationAnchors(
            [new MemberAnchor(-1, [1.2, 0.0], 0.05, AnchorVariance), new MemberAnchor(-1, [-0.8, 0.0], 0.05, AnchorVariance), new MemberAnchor(-1, [0.5, 0.2], 0.05, AnchorVariance)],
            [.. Enumerable.Range(0, 12).Select(_ => (IReadOnlyList<RollCallParameters>)[])]);
        return (input, anchors);
    }
}
