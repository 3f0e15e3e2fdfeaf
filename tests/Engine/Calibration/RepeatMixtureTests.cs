using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>The repeat weight of <see cref="RepeatMixture"/> against its closed form on a tiny example.</summary>
public sealed class RepeatMixtureTests
{
    [Test]
    public void Repeat_weight_maximises_the_likelihood()
    {
        // Earlier vote no; the model gives 0.5 to no and 0.5 to yes. Three members repeat no, one votes yes:
        // L(l) = 3 log(l + (1 - l) 0.5) + log((1 - l) 0.5), maximal at l = (3 - 1) / (3 + 1) = 0.5.
        var repeat = new RepeatMixture.Observation(0.5, 0, 0.5, OrdinalVote.No, OrdinalVote.No);
        var change = new RepeatMixture.Observation(0.5, 0, 0.5, OrdinalVote.No, OrdinalVote.Yes);

        var lambdas = RepeatMixture.Fit([repeat, repeat, repeat, change]);

        Assert.That(lambdas[(int)OrdinalVote.No], Is.EqualTo(0.5).Within(0.001));
        Assert.That(lambdas[(int)OrdinalVote.Yes], Is.EqualTo(0), "no member voted yes before");
    }

    [Test]
    public void Mixture_puts_the_weight_on_the_earlier_vote()
    {
        var (no, abstain, yes) = RepeatMixture.Mix(0.7, OrdinalVote.Abstain, 0.2, 0.1, 0.7);

        Assert.That(no, Is.EqualTo(0.3 * 0.2).Within(1e-12));
        Assert.That(abstain, Is.EqualTo(0.7 + (0.3 * 0.1)).Within(1e-12));
        Assert.That(yes, Is.EqualTo(0.3 * 0.7).Within(1e-12));
    }
}
