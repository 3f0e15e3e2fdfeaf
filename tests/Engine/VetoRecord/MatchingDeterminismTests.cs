using StemSimulator.Engine.VetoRecord;
using StemSimulator.Runner.VetoRecord;
using StemSimulator.Tests.Runner.VetoRecord;

namespace StemSimulator.Tests.Engine.VetoRecord;

/// <summary>The matching depends only on the records, not on their order or on the run.</summary>
public sealed class MatchingDeterminismTests
{
    [Test]
    public void ShuffledRecordsGiveTheSameMatches()
    {
        var data = VetoRecordTestData.Shared;
        var rules = new MatchingRules();
        var baseline = FollowUpMatcher.Match(data.Vetoes, data.Votes, rules);
        var shuffle = new Random(20260301); // test-only shuffling; the Engine's ban on System.Random does not apply here
        var vetoes = data.Vetoes.OrderBy(_ => shuffle.Next()).ToArray();
        var votes = data.Votes.OrderBy(_ => shuffle.Next()).ToArray();
        var again = FollowUpMatcher.Match(vetoes, votes, rules);
        Assert.That(VetoFollowUpsTable.ToCsv(again), Is.EqualTo(VetoFollowUpsTable.ToCsv(baseline)));
        Assert.That(VetoRecordEstimates.From(again, 1991, 2021), Is.EqualTo(VetoRecordEstimates.From(baseline, 1991, 2021)));
    }

    [Test]
    public void TheCommittedAuditTableIsWhatTheMatchingProduces()
    {
        var committed = File.ReadAllText(Path.Combine(Support.RepositoryPaths.Root, "docs", "veto_followups.csv"));
        Assert.That(VetoFollowUpsTable.ToCsv(VetoRecordTestData.SharedEvents), Is.EqualTo(committed.ReplaceLineEndings("\n")));
    }
}
