using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Engine.Drift;

public sealed class CohesionStatisticsTests
{
    private const long Yes = (long)VoteChoice.Yes, Abstain = (long)VoteChoice.Abstain, No = (long)VoteChoice.No, Absent = (long)VoteChoice.Absent;

    [Test]
    public void One_vote_is_counted_by_hand()
    {
        // Participants 0-5 (roster members 10-15) vote yes, yes, no, no, abstain, absent.
        // Bloc A {0, 1, 2}: majority yes, 2 of 3 present with it. Bloc B {2, 3, 4, 5}: majority no, 2 of 3 present.
        // Bloc C {0, 2}: a tie (yes, no), not counted. Reference A (yes): members 10, 11 agree; 12, 13, 14 do not; 15 is absent.
        long[] choices = [Yes, Yes, No, No, Abstain, Absent];
        int[] roster = [10, 11, 12, 13, 14, 15];
        var statistics = new CohesionStatistics(3, 3, 16);

        statistics.Count(1, choices, roster, [[0, 1, 2], [2, 3, 4, 5], [0, 2]], 0);

        Assert.That(statistics.Cohesion(1, 0), Is.EqualTo(2.0 / 3));
        Assert.That(statistics.Cohesion(1, 1), Is.EqualTo(2.0 / 3));
        Assert.That(statistics.Cohesion(1, 2), Is.NaN, "a tie gives no majority");
        Assert.That(statistics.Counted[3 + 0], Is.EqualTo(1));
        Assert.That(statistics.Counted[3 + 2], Is.EqualTo(0));
        Assert.That(Enumerable.Range(10, 6).Select(m => statistics.Agreement(1, m)), Is.EqualTo(new[] { 1.0, 1.0, 0.0, 0.0, 0.0, double.NaN }));
        Assert.That(statistics.Cohesion(0, 0), Is.NaN, "other years untouched");
    }

    [Test]
    public void Counts_pool_over_votes_and_add_across_workers()
    {
        // Vote 1: bloc {0, 1, 2, 3} votes yes, yes, yes, no (majority yes, 3 of 4); vote 2: no, no, abstain, absent
        // (majority no, 2 of 3 present). Pooled cohesion (3 + 2) / (4 + 3) = 5/7. With the bloc as reference, member 2
        // agrees in vote 1 only (1 of 2); member 3 disagrees in vote 1 and is absent in vote 2 (0 of 1).
        int[] roster = [0, 1, 2, 3];
        int[][] blocs = [[0, 1, 2, 3]];
        var first = new CohesionStatistics(1, 1, 4);
        var second = new CohesionStatistics(1, 1, 4);

        first.Count(0, [Yes, Yes, Yes, No], roster, blocs, 0);
        second.Count(0, [No, No, Abstain, Absent], roster, blocs, 0);
        first.Add(second);

        Assert.That(first.Cohesion(0, 0), Is.EqualTo(5.0 / 7).Within(1e-15));
        Assert.That(first.Counted[0], Is.EqualTo(2));
        Assert.That(first.Agreement(0, 2), Is.EqualTo(0.5));
        Assert.That(first.Agreement(0, 3), Is.EqualTo(0.0));
        Assert.That(first.Comparisons[3], Is.EqualTo(1));
    }

    [Test]
    public void Without_a_reference_majority_nobody_is_compared()
    {
        var statistics = new CohesionStatistics(1, 1, 2);

        statistics.Count(0, [Yes, No], [0, 1], [[0, 1]], 0);

        Assert.That(statistics.Comparisons, Is.All.EqualTo(0));
        Assert.That(statistics.Counted[0], Is.EqualTo(0));
    }
}
