using StemSimulator.Engine.Council;

namespace StemSimulator.Tests.Engine.Council;

[TestFixture]
public sealed class CouncilRecordModelTests
{
    private static readonly string[] Elected = ["BRA", "IND", "ZAF", "DEU", "NGA", "PRT", "COL", "BIH", "LBN", "GAB"];

    private static Dictionary<string, char> AllYes() => CouncilRecordModel.Permanent.Concat(Elected).ToDictionary(c => c, _ => 'Y');

    [Test]
    public void BetaRateIsThePosteriorMeanAndSd()
    {
        // Beta(1 + 2*0.25, 3 - 1 + 2*0.75) = Beta(1.5, 3.5): mean 0.3, var 1.5*3.5/(25*6) = 0.035.
        var r = new BetaRate(1, 3, 0.25, 2);
        Assert.That(r.Mean, Is.EqualTo(0.3).Within(1e-12));
        Assert.That(r.StandardError, Is.EqualTo(Math.Sqrt(0.035)).Within(1e-12));
    }

    [Test]
    public void PoissonBinomialByHand()
    {
        // p = (0.5, 0.2): P(0) = 0.4, P(1) = 0.5*0.8 + 0.5*0.2 = 0.5, P(2) = 0.1.
        Assert.That(CouncilRecordModel.PoissonBinomial([0.5, 0.2]), Is.EqualTo(new[] { 0.4, 0.5, 0.1 }).Within(1e-12));
    }

    [Test]
    public void PartnerRatesAndClassesByHand()
    {
        // One training year (weight 1): Russia vetoes one Syria draft; two Syria drafts and one thematic draft pass.
        var drafts = new List<CouncilDraft>
        {
            new(2011, ["SYR"], Elected, ["RUS"], null),
            new(2011, ["SYR"], Elected, [], AllYes()),
            new(2011, ["SYR"], Elected, [], AllYes()),
            new(2011, [], Elected, [], AllYes()),
        };
        var model = CouncilRecordModel.Fit(drafts, 2011, new CouncilModelOptions { PriorStrength = 2 });
        int rus = 2;
        Assert.That(model.Partners[rus], Is.EquivalentTo(new[] { "SYR" }));
        Assert.That(model.Partners[0], Is.Empty);

        // Overall rate (1 + 0.5) / (20 + 1) = 1/14; partner class pooled: only Russia is in it, 1 veto in 3
        // -> mu = (1 + 2/14) / (3 + 2) = 0.228571...; Russia on Syria: (1 + 2 mu) / (3 + 2).
        double overall = 1.5 / 21;
        double mu = (1 + (2 * overall)) / 5;
        Assert.That(model.PartnerRate(rus, "SYR")!.Value.Mean, Is.EqualTo((1 + (2 * mu)) / 5).Within(1e-12));

        var forecast = model.Predict(new CouncilDraft(2012, ["SYR"], Elected, [], null));
        Assert.That(forecast.VetoProbability[rus], Is.EqualTo((1 + (2 * mu)) / 5).Within(1e-12));

        // China is in the other-country class: 0 vetoes of 3; pooled over the four members in it: 0 of 12.
        double muOther = 2 * overall / 14;
        Assert.That(forecast.VetoProbability[0], Is.EqualTo(2 * muOther / 5).Within(1e-12));
        Assert.That(forecast.FailProbability, Is.GreaterThanOrEqualTo(1 - ((1 - forecast.VetoProbability[rus]) * (1 - forecast.VetoProbability[0]))));
        Assert.That(forecast.YesCount.Sum(), Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void DaysSinceVetoCountsOnlyEarlierVetoesOnTheSameStates()
    {
        var record = new List<(DateOnly, CouncilDraft)>
        {
            (new DateOnly(2011, 10, 4), new CouncilDraft(2011, ["SYR"], Elected, ["CHN", "RUS"], null)),
            (new DateOnly(2011, 12, 1), new CouncilDraft(2011, ["ISR", "PSE"], Elected, ["USA"], null)),
            (new DateOnly(2012, 1, 4), new CouncilDraft(2012, ["SYR", "LBN"], Elected, ["RUS"], null)),
            (new DateOnly(2012, 2, 4), new CouncilDraft(2012, ["SYR"], Elected, ["RUS"], null)),
        };

        // 2012-02-04: Russia's latest Syria veto is 2012-01-04 (31 days), China's 2011-10-04 (123 days); the veto of
        // the same day and the United States' veto on another state do not count.
        var days = CouncilVetoHistory.DaysSinceVeto(record, new DateOnly(2012, 2, 4), ["SYR"]);
        Assert.That(days, Is.EquivalentTo(new Dictionary<string, int> { ["RUS"] = 31, ["CHN"] = 123 }));
        Assert.That(CouncilVetoHistory.DaysSinceVeto(record, new DateOnly(2012, 2, 4), []), Is.Empty);

        var annotated = CouncilVetoHistory.Annotate(record);
        Assert.That(annotated[0].Draft.DaysSinceVeto, Is.Empty);
        Assert.That(annotated[3].Draft.DaysSinceVeto, Is.EquivalentTo(days));
    }

    [Test]
    public void RecentVetoClassByHand()
    {
        // One training year (weight 1). Russia vetoes a Syria draft with no veto before it (partner class), then a
        // Syria draft passes 30 days after a Russian veto and another is vetoed 60 days after one (recent class).
        var drafts = new List<CouncilDraft>
        {
            new(2011, ["SYR"], Elected, ["RUS"], null),
            new(2011, ["SYR"], Elected, [], AllYes()) { DaysSinceVeto = new Dictionary<string, int> { ["RUS"] = 30 } },
            new(2011, ["SYR"], Elected, ["RUS"], null) { DaysSinceVeto = new Dictionary<string, int> { ["RUS"] = 60 } },
        };
        var model = CouncilRecordModel.Fit(drafts, 2011, new CouncilModelOptions { PriorStrength = 2, RecentVetoDays = 365 });
        int rus = 2;

        // Overall: 2 vetoes in 15 member-drafts -> (2 + 0.5) / (15 + 1). Recent class: only Russia, 1 veto in 2.
        // Partner class: only Russia, 1 veto in 1.
        double overall = 2.5 / 16;
        double muRecent = (1 + (2 * overall)) / 4;
        double muPartner = (1 + (2 * overall)) / 3;
        Assert.That(model.VetoRate(rus, 1).Mean, Is.EqualTo((1 + (2 * muRecent)) / 4).Within(1e-12));

        var recent = model.Predict(new CouncilDraft(2012, ["SYR"], Elected, [], null) { DaysSinceVeto = new Dictionary<string, int> { ["RUS"] = 100 } });
        Assert.That(recent.VetoProbability[rus], Is.EqualTo((1 + (2 * muRecent)) / 4).Within(1e-12));
        var older = model.Predict(new CouncilDraft(2012, ["SYR"], Elected, [], null) { DaysSinceVeto = new Dictionary<string, int> { ["RUS"] = 400 } });
        Assert.That(older.VetoProbability[rus], Is.EqualTo((1 + (2 * muPartner)) / 3).Within(1e-12));

        // Switched off, the same drafts all count in the partner class: 2 vetoes in 3.
        var off = CouncilRecordModel.Fit(drafts, 2011, new CouncilModelOptions { PriorStrength = 2 });
        double muOff = (2 + (2 * overall)) / 5;
        Assert.That(off.Predict(new CouncilDraft(2012, ["SYR"], Elected, [], null) { DaysSinceVeto = new Dictionary<string, int> { ["RUS"] = 100 } }).VetoProbability[rus],
            Is.EqualTo((2 + (2 * muOff)) / 5).Within(1e-12));
    }
}
