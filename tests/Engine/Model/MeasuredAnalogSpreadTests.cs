using StemSimulator.Engine.Model;

namespace StemSimulator.Tests.Engine.Model;

/// <summary>
/// The measurements of each analog kind are held once (<see cref="AnalogSpreads.Of"/>): the plausible ranges and the
/// normal study's choices are the bootstrap table's in docs/calibration.md ("How sure the choice is"), every view
/// reads the same record, and an unknown kind throws instead of falling back.
/// </summary>
public sealed class MeasuredAnalogSpreadTests
{
    [TestCase(AnalogKind.Repeat, "repeat", 0.6, 0.6, 0.8)]
    [TestCase(AnalogKind.SameSubject, "same_subject", 2.0, 1.6, 2.5)]
    [TestCase(AnalogKind.SameIssue, "same_issue", 3.0, 2.5, 3.0)]
    public void Each_kind_has_the_documented_range_and_choice(AnalogKind kind, string name, double choice, double low, double high)
    {
        var measured = AnalogSpreads.Of(kind);

        Assert.That(measured.Kind, Is.EqualTo(kind));
        Assert.That(AnalogSpreads.Name(kind), Is.EqualTo(name));
        Assert.That(AnalogSpreads.NormalStudyChoice(kind), Is.EqualTo(choice));
        Assert.That(AnalogSpreads.PlausibleRange(kind), Is.EqualTo((low, high)));
        Assert.That(AnalogSpreads.Shift(kind), Is.SameAs(measured.Shift));
    }

    [Test]
    public void Only_a_repeat_is_anchored_on_its_analogs_count()
    {
        Assert.That(Enum.GetValues<AnalogKind>().Where(AnalogSpreads.AnchorsOnCount), Is.EqualTo(new[] { AnalogKind.Repeat }));
    }

    [Test]
    public void An_unknown_kind_throws_in_every_view()
    {
        var unknown = (AnalogKind)99;

        Assert.That(() => AnalogSpreads.Of(unknown), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => AnalogSpreads.PlausibleRange(unknown), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => AnalogSpreads.NormalStudyChoice(unknown), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => AnalogSpreads.AnchorsOnCount(unknown), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => AnalogSpreads.Name(unknown), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
