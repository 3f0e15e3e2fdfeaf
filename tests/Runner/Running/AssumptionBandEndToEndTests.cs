using System.Text.Json.Nodes;
using StemSimulator.Engine.Model;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>
/// The band over the analog's plausible spread, through the real CLI: each end of an unanchored repeat (a Council
/// draft) equals a run with the spread set by hand to that end (the same seed and trials: common random numbers), a
/// spread set by hand gets no band, and shards merged give the single run's band exactly.
/// </summary>
public sealed class AssumptionBandEndToEndTests
{
    private const string Trials = "3000";

    private static string Scenario(string like, string body = "GA", string rule = "majority: two_thirds") => $"""
        scenario: band
        as_of: 2026-03-01
        seed: 11
        shocks: calibrated
        votes:
          - id: v
            title: A resolution on territorial integrity
            body: {body}
            {rule}
            like: {like}
        """;

    [Test]
    public void Each_end_of_the_band_is_the_run_with_that_spread_set_by_hand()
    {
        using var folder = new TemporaryFolder();
        var (low, high) = AnalogSpreads.PlausibleRange(AnalogKind.Repeat);
        Assert.That(low, Is.LessThan(high), "the test needs a repeat's range to be more than one value");
        var band = Run(folder, "band", "{ vote: A/RES/68/262, kind: repeat }", "SC", "decision: substantive");
        var atLow = Run(folder, "low", $"{{ vote: A/RES/68/262, spread: {low.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}", "SC", "decision: substantive");
        var atHigh = Run(folder, "high", $"{{ vote: A/RES/68/262, spread: {high.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}", "SC", "decision: substantive");

        var row = band["votes"]![0]!;
        double p = row["p_adopted"]!.GetValue<double>();
        Assert.Multiple(() =>
        {
            Assert.That(row["analog_spread_low"]!.GetValue<double>(), Is.EqualTo(low));
            Assert.That(row["analog_spread_high"]!.GetValue<double>(), Is.EqualTo(high));
            Assert.That(row["band_trials"]!.GetValue<long>(), Is.EqualTo(3000));
            Assert.That(row["p_adopted_at_spread_low"]!.GetValue<double>(), Is.EqualTo(atLow["votes"]![0]!["p_adopted"]!.GetValue<double>()));
            Assert.That(row["p_adopted_at_spread_high"]!.GetValue<double>(), Is.EqualTo(atHigh["votes"]![0]!["p_adopted"]!.GetValue<double>()));
            Assert.That(row["p_adopted_band_lower"]!.GetValue<double>(), Is.LessThanOrEqualTo(p));
            Assert.That(row["p_adopted_band_upper"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(p));
            Assert.That(atHigh["votes"]![0]!.AsObject().ContainsKey("p_adopted_band_lower"), Is.False, "a spread set by hand gets no band");
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "high", "statistics.json")), Does.Not.Contain("\"band\":["));
        });
    }

    [Test]
    public void Shards_merged_give_the_single_runs_band_and_deciders()
    {
        // 45,000 trials in three shards: the band's 20,000 trials fall in shard 0 (0-14,999) and shard 1 (15,000-29,999);
        // shard 2 holds none of them and counts nothing.
        const string trials = "45000";
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(folder.Path, "band.yaml");
        File.WriteAllText(scenario, Scenario("{ vote: A/RES/68/262, kind: same_subject }"));
        var single = CliProcess.Run(folder.Path, "run", scenario, "--trials", trials, "--out", "single");
        Assert.That(single.ExitCode, Is.Zero, single.StandardError);
        for (int k = 0; k < 3; k++)
        {
            var shard = CliProcess.Run(folder.Path, "run", scenario, "--trials", trials, "--shard-index", $"{k}", "--shard-count", "3", "--out", $"shard-{k}", "--quiet");
            Assert.That(shard.ExitCode, Is.Zero, shard.StandardError);
        }

        var shardBand = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "shard-2", "statistics.json")))!["band"]!.AsArray();
        Assert.That(shardBand.Select(b => b!["votes"]![0]!["trials"]!.GetValue<long>()), Is.All.EqualTo(0L), "the last shard holds none of the band's trials");
        var merge = CliProcess.Run(folder.Path, "merge", "shard-0", "shard-1", "shard-2", "--out", "merged");
        Assert.That(merge.ExitCode, Is.Zero, merge.StandardError);

        JsonNode? BandOf(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, run, "statistics.json")))!["band"];
        Assert.That(BandOf("single"), Is.Not.Null);
        Assert.That(BandOf("single")!.AsArray().Select(b => b!["votes"]![0]!["trials"]!.GetValue<long>()), Is.All.EqualTo(20_000L));
        Assert.That(BandOf("merged")!.ToJsonString(), Is.EqualTo(BandOf("single")!.ToJsonString()));

        // What the console says after the table: the band line and who decides it, with the same swings and errors.
        static string[] After(string output) => output.Split('\n')
            .Where(l => l.Contains("over the analog's plausible spread", StringComparison.Ordinal) || l.Contains('±', StringComparison.Ordinal) || l.Contains("cannot rank", StringComparison.Ordinal))
            .ToArray();
        Assert.That(After(single.StandardOutput), Has.Some.Contains("over the analog's plausible spread"));
        Assert.That(After(merge.StandardOutput), Is.EqualTo(After(single.StandardOutput)));
    }

    /// <summary>Runs a one-vote scenario; a Council draft's repeat is not anchored on the Assembly's count, so its shift is normal and its band's ends are spreads a scenario can set.</summary>
    private static JsonNode Run(TemporaryFolder folder, string name, string like, string body, string rule)
    {
        string scenario = Path.Combine(folder.Path, name + ".yaml");
        File.WriteAllText(scenario, Scenario(like, body, rule));
        var run = CliProcess.Run(folder.Path, "run", scenario, "--trials", Trials, "--out", name, "--json");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        return JsonNode.Parse(run.StandardOutput)!;
    }
}
