using StemSimulator.Runner.Calibration;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>Rows of the shared data that cannot be used are reported with file and line, and counted.</summary>
public sealed class UnVotingDataLoaderTests
{
    [Test]
    public void The_fixture_loads_without_problems()
    {
        var data = UnVotingDataLoader.Load(Fixtures.UnSmall);

        Assert.That(data.Problems.Count, Is.Zero, string.Join("\n", data.Problems.Describe(10)));
        Assert.That(data.RollCalls, Has.Count.EqualTo(72));
        Assert.That(data.YearRange, Is.EqualTo((2017, 2020)));
    }

    [Test]
    public void Bad_rows_are_reported_with_file_and_line_and_never_dropped_silently()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string votes = Path.Combine(folder.Path, "unvotes_dgrtwo", "un_votes.csv");
        int lines = File.ReadAllLines(votes).Length;
        string rcid = File.ReadAllLines(votes)[1].Split(',')[0].Trim('"');
        File.AppendAllText(votes, $"999999,Nowhere,US,yes\n{rcid},Testland,US,maybe\n{rcid},Too,many,fields,here\n{rcid},Atlantis,QQ,no\n");

        var data = UnVotingDataLoader.Load(folder.Path);
        var messages = data.Problems.Describe(100).ToArray();

        Assert.That(data.Problems.Count, Is.EqualTo(4), string.Join("\n", messages));
        Assert.That(messages[0], Does.StartWith($"unvotes_dgrtwo/un_votes.csv:{lines + 1}: unknown rcid '999999'"));
        Assert.That(messages[1], Does.StartWith($"unvotes_dgrtwo/un_votes.csv:{lines + 2}: vote 'maybe'"));
        Assert.That(messages[2], Does.StartWith($"unvotes_dgrtwo/un_votes.csv:{lines + 3}: expected 4 fields, found 5"));
        Assert.That(messages[3], Does.StartWith($"unvotes_dgrtwo/un_votes.csv:{lines + 4}: unknown country code 'QQ'"));
        Assert.That(data.Problems.CountsByFile(), Is.EqualTo(new[] { ("unvotes_dgrtwo/un_votes.csv", 4) }));
    }

    [Test]
    public void An_unterminated_quote_is_reported_at_the_line_it_starts()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string issues = Path.Combine(folder.Path, "unvotes_dgrtwo", "un_roll_call_issues.csv");
        int lines = File.ReadAllLines(issues).Length;
        File.AppendAllText(issues, "\"5,\"hr,\"Human rights\n");

        var data = UnVotingDataLoader.Load(folder.Path);

        Assert.That(data.Problems.Describe(10).Single(), Does.StartWith($"unvotes_dgrtwo/un_roll_call_issues.csv:{lines + 1}:"));
    }
}
