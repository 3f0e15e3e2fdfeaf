using System.Globalization;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.ReferenceData;

namespace StemSimulator.Tests.Scenarios.Reference;

/// <summary>The Council record labelled with the states it concerns (sc_record_concerns.csv).</summary>
[TestFixture]
public sealed class CouncilRecordLabelTests
{
    // Hand-read from the titles and agenda items (docs/council-model.md): what each text is about.
    [TestCase("S/RES/2254 (2015)", "SYR")]
    [TestCase("S/2014/189", "UKR RUS")]
    [TestCase("S/2017/1060", "ISR PSE USA")]
    [TestCase("S/RES/1244(1999)", "SRB")]
    [TestCase("S/RES/2581(2021)", "ISR SYR")]
    [TestCase("S/RES/47(1948)", "IND PAK")]
    [TestCase("S/RES/984(1995)", "")]
    [TestCase("S/RES/1287(2000)", "GEO")]
    [TestCase("S/2009/310", "GEO RUS")]
    [TestCase("S/2012/77", "SYR")]
    [TestCase("S/RES/753(1992)", "HRV")]
    public void KnownRecordsConcernTheirStates(string symbol, string expected)
    {
        var label = CouncilRecordLabels.Find(symbol);
        Assert.That(label, Is.Not.Null, symbol);
        Assert.That(string.Join(' ', label!.Concerns), Is.EqualTo(expected), symbol);
    }

    [TestCase("S/2014/189", "RUS")]
    [TestCase("S/2012/77", "CHN RUS")]
    [TestCase("S/12211", "FRA GBR USA")]
    public void VetoedDraftsNameTheirVetoers(string symbol, string expected) =>
        Assert.That(string.Join(' ', CouncilRecordLabels.Find(symbol)!.Vetoers), Is.EqualTo(expected));

    [Test]
    public void ParseNamesTheLineOfABadKind()
    {
        const string text = "record_id,symbol,date,kind,concerns,topic,source,keywords,vetoers\n1,S/RES/1(1946),1946-01-25,failed,,thematic,title,,\n";
        var e = Assert.Throws<InvalidDataException>(() => CouncilRecordLabels.Parse(new StringReader(text), "t.csv"));
        Assert.That(e!.Message, Does.StartWith("t.csv:2:").And.Contain("failed"));
    }

    [Test]
    public void EveryRecordOfTheSharedDataIsLabelledOnce()
    {
        var adopted = SharedData.ReadCsv("undl_2021/resolutions_1946_2021.csv").Where(r => r["council"] == "SC").Select(r => r["undl_record_id"]).ToList();
        var vetoed = SharedData.ReadCsv("unsc_vetoes/unsc_vetoes_1946_sept2022.csv").ToList();
        var labels = CouncilRecordLabels.Embedded;
        Assert.That(labels.Where(l => !l.Vetoed).Select(l => l.RecordId), Is.EquivalentTo(adopted));
        Assert.That(labels.Count(l => l.Vetoed), Is.EqualTo(vetoed.Count));
        foreach (var row in vetoed)
        {
            var date = DateOnly.ParseExact(row["date"], "M/d/yyyy", CultureInfo.InvariantCulture);
            Assert.That(labels.Any(l => l.Vetoed && l.Symbol == row["draft"] && l.Date == date), row["draft"]);

            // The vetoers named in the raw member_veto columns (the USSR as RUS).
            var named = new[] { "member_veto1", "member_veto2", "member_veto3" }.Select(k => row[k]).Where(v => v.Length > 0)
                .Select(v => v switch { "China" => "CHN", "France" => "FRA", "Russia" or "USSR" => "RUS", "USA" => "USA", "UK" => "GBR", _ => v }).ToHashSet();
            var label = labels.First(l => l.Vetoed && l.Symbol == row["draft"] && l.Date == date);
            Assert.That(label.Vetoers, Is.EquivalentTo(named), row["draft"]);
        }

        // Every veto 2012-2021 on a country situation names its state (Syria, Ukraine, Yemen, Venezuela, ...).
        var recent = labels.Where(l => l.Vetoed && l.Date.Year is >= 2012 and <= 2021 && l.Topic is not ("Terrorism" or "Climate and Security")).ToList();
        Assert.That(recent, Has.Count.EqualTo(22));
        Assert.That(recent.All(l => l.Concerns.Count > 0));
    }
}
