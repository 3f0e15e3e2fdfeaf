using System.Text;
using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Output;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>
/// statistics.json written by hand (<see cref="StatisticsJsonWriter"/>) is the text the reflection-based serializer,
/// which wrote it before and still reads it, makes of the same statistics: every record, every omission rule.
/// </summary>
public sealed class StatisticsJsonWriterTests
{
    [Test]
    public async Task A_plain_run_is_written_as_the_serializer_writes_it()
    {
        var statistics = new RunStatistics("plain", "ab12", 7, 1000, 1, [0], "0.1.0", [Vote("baseline", Plain("v1"))]);

        await AssertSameTextAsync(statistics);
    }

    [Test]
    public async Task Conditions_announced_votes_elections_drift_and_the_band_are_written_as_the_serializer_writes_them()
    {
        var council = Plain("sc-draft") with
        {
            Body = Body.SecurityCouncil,
            Decision = CouncilDecision.Procedural,
            Estimator = OutcomeEstimator.ExactConditional,
            Paths = ["after <veto> & \"more\"", "Côte d'Ivoire's"],
            Triggers = [new VoteTrigger("v1", ConditionOutcome.Vetoed), new VoteTrigger("v1", ConditionOutcome.Held)],
            Given = [new AnnouncedVote("USA", VoteChoice.No), new AnnouncedVote("FRA", VoteChoice.Absent)],
            Quota = 10,
        };
        var conditioned = Vote("what-if ü", council) with
        {
            ExactSum = Int128.MaxValue,
            ExactSumOfSquares = Int128.MinValue + 1,
            HasPairedDifference = true,
            PairedSquares = -(Int128)12345678901234567890UL,
            GivenDraws = 99,
        };
        var statistics = new RunStatistics("all", "cd34", ulong.MaxValue, 5000, 3, [2], "0.1.0", [Vote("baseline", Plain("v1") with { Majority = MajorityRule.TwoThirds }), conditioned])
        {
            Elections = [new ElectionTallyState("baseline", "e1", 5000, [[1, 2], [], [3, 4, 5], [6], [7], [8, 9, 10]])],
            Drift = [new DriftStatisticsState("baseline", 2026, 3, 2, ["EU", "G77"], [], 1, 5000, [1, 2], [3], [4], [5], [6], [7], [8], [9, 10], [11])],
            Band =
            [
                new AssumptionBandState(AnalogSetting.Low, 200, [new AssumptionBandCounts("baseline", "v1", false, 200, 190, 150, 0) { Spread = 0.1, RunSpread = 1.0 / 3 }]),
                new AssumptionBandState(AnalogSetting.High, 200, []) { SameAsRun = true },
            ],
        };

        await AssertSameTextAsync(statistics);
    }

    [Test]
    public async Task What_is_written_is_read_back_whole()
    {
        var statistics = new RunStatistics("back", "ef56", 1, 10, 1, [0], "0.1.0", [Vote("baseline", Plain("v1"))]) { Band = [] };
        string folder = Directory.CreateTempSubdirectory("stemsim-statistics-").FullName;
        try
        {
            string path = Path.Combine(folder, StatisticsFile.Name);
            await StatisticsFile.WriteAsync(path, statistics, CancellationToken.None);

            var (read, error) = await StatisticsFile.ReadAsync(path, CancellationToken.None);

            Assert.That(error, Is.Null);
            Assert.That(read!.Votes[0].YesHistogram, Is.EqualTo(statistics.Votes[0].YesHistogram));
            Assert.That(read.Band, Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AssertSameTextAsync(RunStatistics statistics)
    {
        string folder = Directory.CreateTempSubdirectory("stemsim-statistics-").FullName;
        try
        {
            string path = Path.Combine(folder, StatisticsFile.Name);
            await StatisticsFile.WriteAsync(path, statistics, CancellationToken.None);

            string written = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path));

            Assert.That(written, Is.EqualTo(StatisticsFile.SerializeWithReflection(statistics)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static VoteDescription Plain(string id) =>
        new(id, Body.GeneralAssembly, new DateOnly(2026, 3, 20), MajorityRule.Simple, CouncilDecision.Substantive, OutcomeEstimator.Sampled, ["AFG", "ALB", "DZA"]);

    private static VoteStatisticsState Vote(string variant, VoteDescription vote) =>
        new(variant, vote, 1000, 600, 123456789012345678, 98765, 3, 1, [0, 1, 0, 2, 0], [0, 5, 995, 0], [1000, 0, 0, 0], [0, 0, 0, 1000], [1000, 0, 0, 0], [1, 2, 3, 4, 5, 6])
        {
            HeldCount = 990,
            PathCounts = [990],
            DebateCount = 4,
            MarginHistogram = [1, 0, 2],
            AdoptedMarginHistogram = [0, 0, 2],
        };
}
