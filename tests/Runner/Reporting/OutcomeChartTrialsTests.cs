using DuckDB.NET.Data;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Reporting;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Reporting;

/// <summary>
/// The outcome chart shows what decides adoption in each run: its adopted bars add up to the share of adopted trials
/// that DuckDB counts in trials/, and to P(adopted) within Monte Carlo error, for an Assembly two-thirds vote
/// and a Council draft (where the margin over nine yes votes alone would call most vetoed drafts adopted).
/// </summary>
[NonParallelizable]
public sealed class OutcomeChartTrialsTests
{
    [TestCase("scenarios/ga-hrc-suspension-2026.yaml", "ga-hrc-suspension", "two_thirds")]
    [TestCase("scenarios/sc-veto-chain-2026.yaml", "sc-draft", "substantive")]
    public async Task Adopted_bars_add_up_to_the_adopted_trials_and_P_adopted(string scenario, string voteId, string rule)
    {
        using var folder = new TemporaryFolder();
        string run = folder.File("run");
        var result = CliProcess.Run(RepositoryPaths.Root, "run", scenario, "--trials", "20000", "--out", run, "--quiet");
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);

        var (statistics, error) = await StatisticsFile.ReadAsync(Path.Combine(run, StatisticsFile.Name), CancellationToken.None);
        Assert.That(error, Is.Null);
        var state = statistics!.Votes.Single(v => v.Variant == "baseline" && v.Vote.Id == voteId);
        Assert.That(state.Vote.RuleName, Is.EqualTo(rule));
        var bars = MarginBars.From(state)!;

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT avg(CASE WHEN adopted THEN 1.0 ELSE 0.0 END), count(*)
            FROM read_parquet('{Path.Combine(run, "trials", "shard=0", "part-0.parquet")}') WHERE variant = 'baseline' AND vote_id = '{voteId}' AND held
            """;
        double adoptedShare;
        using (var rows = command.ExecuteReader())
        {
            Assert.That(rows.Read(), Is.True);
            adoptedShare = Convert.ToDouble(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(rows.GetInt64(1), Is.EqualTo(bars.HeldTrials));
        }

        command.CommandText = $"""
            SELECT p_adopted / p_held FROM read_parquet('{Path.Combine(run, "summary.parquet")}') WHERE variant = 'baseline' AND vote_id = '{voteId}'
            """;
        double pAdopted = Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(bars.AdoptedShare, Is.EqualTo(adoptedShare).Within(1e-9), "the green bars are the adopted trials");
        Assert.That(bars.AdoptedShare * 100, Is.EqualTo(pAdopted * 100).Within(0.5), "and P(adopted) within half a point");
        Assert.That(bars.Margins.Where(m => m.Margin < 0).Sum(m => m.Adopted), Is.Zero, "nothing left of the line is adopted");
        Assert.That(bars.Margins.Sum(m => m.Adopted + m.Vetoed + m.Short), Is.EqualTo(1).Within(1e-9));
        if (rule == "substantive")
        {
            Assert.That(bars.Margins.Sum(m => m.Vetoed), Is.GreaterThan(0.1), "the Council's rule: enough yes votes, vetoed, is not adopted");
        }
    }
}
