using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

[TestFixture]
public sealed class PositionTableTests
{
    private static ReferenceCatalog Catalog => ReferenceCatalog.Embedded;

    [Test]
    public void OnePositionPerUnMemberAndNoneForObservers()
    {
        var members = Catalog.States.Where(s => !s.IsObserver).Select(s => s.Code);
        Assert.That(Catalog.Positions, Has.Count.EqualTo(193));
        Assert.That(Catalog.Positions.Keys, Is.EquivalentTo(members));
        Assert.That(Catalog.Positions.Values.Select(p => p.Code), Is.EquivalentTo(Catalog.Positions.Keys));
    }

    [Test]
    public void UnitedStatesSitsAboveRussiaAndChina()
    {
        var usa = Catalog.Positions["USA"].Theta;
        Assert.That(usa, Is.GreaterThan(0));
        Assert.That(usa, Is.GreaterThan(Catalog.Positions["RUS"].Theta));
        Assert.That(usa, Is.GreaterThan(Catalog.Positions["CHN"].Theta));
        Assert.That(Catalog.Positions["NLD"].Theta, Is.GreaterThan(Catalog.Positions["IRN"].Theta));
    }

    [Test]
    public void ValuesAreInRange()
    {
        foreach (var p in Catalog.Positions.Values)
        {
            Assert.That(p.ThetaStandardError, Is.GreaterThan(0), p.Code);
            Assert.That(p.AbsenceRate, Is.InRange(0.0, 1.0), p.Code);
            Assert.That(p.Theta, Is.InRange(-4.0, 4.0), p.Code);
            Assert.That(p.Year, Is.EqualTo(Catalog.Calibration.LatestYear), p.Code);
            Assert.That(p.SourceYear, Is.InRange(1946, Catalog.Calibration.LatestYear), p.Code);
            Assert.That(p.IssueOffsets, Has.Count.EqualTo(IssueAreas.Names.Count), p.Code);
        }
    }

    [Test]
    public void ValuesAreRoundedToFourDecimals()
    {
        foreach (var p in Catalog.Positions.Values)
        {
            foreach (var v in new[] { p.Theta, p.ThetaStandardError, p.AbsenceRate }.Concat(p.IssueOffsets))
            {
                Assert.That(Math.Round(v, 4), Is.EqualTo(v), p.Code);
            }
        }
    }
}
