using StemSimulator.Engine.VetoRecord;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Runner.VetoRecord;

namespace StemSimulator.Tests.Scenarios.Reference;

/// <summary>The defaults shipped for the scenario language are the ones the record gives today.</summary>
public sealed class VetoFollowUpDefaultsTests
{
    [Test]
    public void ConstantsMatchTheEstimates()
    {
        var e = VetoRecordEstimates.From(VetoRecordTestData.SharedEvents, 1991, 2021);
        Assert.Multiple(() =>
        {
            Assert.That((e.Events, e.FollowedUp), Is.EqualTo((VetoFollowUpDefaults.VetoEvents, VetoFollowUpDefaults.FollowedUpEvents)));
            Assert.That(e.TablingProbability, Is.EqualTo(VetoFollowUpDefaults.TablingProbability).Within(1e-12));
            Assert.That(e.TablingLow90, Is.EqualTo(VetoFollowUpDefaults.TablingProbabilityLow90).Within(0.0005));
            Assert.That(e.TablingHigh90, Is.EqualTo(VetoFollowUpDefaults.TablingProbabilityHigh90).Within(0.0005));
            Assert.That(e.BacklashPairs, Is.EqualTo(VetoFollowUpDefaults.BacklashFollowUps));
            Assert.That(e.BacklashLow90, Is.EqualTo(VetoFollowUpDefaults.BacklashLow90).Within(0.0005));
            Assert.That(e.BacklashHigh90, Is.EqualTo(VetoFollowUpDefaults.BacklashHigh90).Within(0.0005));
            Assert.That(e.BacklashSd, Is.EqualTo(VetoFollowUpDefaults.BacklashSpread).Within(0.0005));
            Assert.That(e.BacklashIdentified, Is.False, "the default backlash is 0 because the interval includes 0");
            Assert.That(VetoFollowUpDefaults.Backlash, Is.Zero);
        });
    }
}
