using System.Globalization;
using StemSimulator.Engine.Council;
using StemSimulator.Runner.CouncilBacktesting;
using StemSimulator.Tests.ReferenceData;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.CouncilBacktesting;

/// <summary><c>stemsim backtest --body sc</c> and the Council record model on the real record (../shared).</summary>
public sealed class CouncilBacktestTests
{
    [Test]
    public void Council_backtest_scores_every_draft_put_to_a_vote_2012_2021()
    {
        string data = SharedData.RequireUnDataDirectory();
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "backtest", "--body", "sc", "--data", data, "--train-until", "2011", "--test-from", "2012", "--test-to", "2021", "--out", folder.File("sc"), "-q");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);

        // Independent truth from the raw CSVs: adopted resolutions dated 2012-2021 plus vetoed drafts of those years,
        // and the vetoes cast (one per vetoing member).
        int adopted = SharedData.ReadCsv("undl_2021/resolutions_1946_2021.csv").Count(r => r["council"] == "SC" && string.CompareOrdinal(r["date"], "2012") >= 0 && string.CompareOrdinal(r["date"], "2022") < 0);
        var vetoes = SharedData.ReadCsv("unsc_vetoes/unsc_vetoes_1946_sept2022.csv").Where(r => int.Parse(r["year"], CultureInfo.InvariantCulture) is >= 2012 and <= 2021).ToList();
        int cast = vetoes.Sum(r => new[] { "China", "France", "Russia", "USSR", "USA", "UK" }.Count(c => r[c] == "1"));
        var markdown = File.ReadAllText(Path.Combine(folder.File("sc"), "council_backtest.md"));
        Assert.That(markdown, Does.Contain($"{adopted + vetoes.Count} drafts put to a vote ({cast} vetoes cast)"));

        // The first target: the record model's Brier score of "fails" is lower than every baseline's.
        var brier = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Split('|').Length > 12)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(f => f[2] != "fails Brier" && !f[2].StartsWith('-'))
            .ToDictionary(f => f[1], f => double.Parse(f[2], CultureInfo.InvariantCulture));
        Assert.That(brier.Keys, Is.EquivalentTo(new[] { "record model", "training veto rate", "Assembly positions", "concerned-or-partner rule" }));
        Assert.That(brier.Where(b => b.Key != "record model").Select(b => b.Value), Is.All.GreaterThan(brier["record model"]));
    }

    [Test]
    public void Partners_trained_to_2011_are_the_states_past_vetoes_protected()
    {
        string data = SharedData.RequireUnDataDirectory();
        var record = CouncilRecord.Load(data);
        var model = CouncilRecordModel.Fit(record.Select(r => r.Draft), 2011);
        int Index(string code) => CouncilRecordModel.Permanent.ToList().IndexOf(code);

        // Russia (and China) vetoed S/2011/612 on Syria; the United States vetoed S/2011/24 on Israeli settlements;
        // France and the United Kingdom have cast no veto since 1989.
        Assert.That(model.Partners[Index("RUS")], Does.Contain("SYR"));
        Assert.That(model.Partners[Index("CHN")], Does.Contain("SYR"));
        Assert.That(model.Partners[Index("USA")], Does.Contain("ISR"));
        Assert.That(model.Partners[Index("FRA")], Is.Empty);
        Assert.That(model.Partners[Index("GBR")], Is.Empty);

        // A Syria draft: Russia's veto is likelier than on a thematic text.
        var syria = model.Predict(new CouncilDraft(2012, ["SYR"], [], [], null));
        var thematic = model.Predict(new CouncilDraft(2012, [], [], [], null));
        Assert.That(syria.VetoProbability[Index("RUS")], Is.GreaterThan(5 * thematic.VetoProbability[Index("RUS")]));
    }

    [Test]
    public void An_unknown_body_is_an_input_error()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "backtest", "--body", "xx", "--data", ".", "--train-until", "2011", "--test-from", "2012", "--test-to", "2013", "--out", folder.File("x"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("--body takes GA or SC, not 'xx'"));
    }
}
