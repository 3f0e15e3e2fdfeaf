using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Calibration;
using StemSimulator.Tests.ReferenceData;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>
/// An update's load (<see cref="UnVotingDataLoader.Load(string, Func{int, int}?, CancellationToken)"/>) passes over
/// the votes of the sessions before the years it needs, and for the sessions it reads holds exactly a full load's
/// votes, with a full load's roll calls, units and problems.
/// </summary>
public sealed class PartialLoadTests
{
    [Test]
    public void On_the_shared_data_a_load_from_2017_holds_a_full_loads_votes_of_its_sessions()
    {
        string folder = SharedData.RequireUnDataDirectory();
        var full = UnVotingDataLoader.Load(folder);
        int asked = 0;
        var part = UnVotingDataLoader.Load(folder, last => { asked = last; return 2017; });

        Assert.That(asked, Is.EqualTo(2021), "the loader names the last year of the shared roll calls");
        int firstSession = full.RollCalls.Where(r => r.Year >= 2017).Min(r => r.Session);
        AssertSameExceptVotesBefore(full, part, firstSession);
        Assert.That(part.RecordChoice, Has.Length.LessThan(full.RecordChoice.Length / 10), "the votes of 1946-2016 are not in the data");
    }

    [Test]
    public void Rows_passed_over_are_still_checked_and_a_row_with_a_problem_is_read_in_full()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string votes = Path.Combine(folder.Path, "unvotes_dgrtwo", "un_votes.csv");
        var lines = File.ReadAllLines(votes);

        // In order of rcid, as the shared file is, so the sessions before 2019 come first; then, among them, a second
        // vote (reported while passing over), a quoted name with a comma, a blank line, and an unknown code (read in full).
        var rows = lines.Skip(1).OrderBy(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string first = rows[0];
        string rcid = first.Split(',')[0];
        rows.InsertRange(1, [first, $"{rcid},\"Bolivia, Plurinational State of\",BO,no", string.Empty, $"{rcid},Atlantis,QQ,no"]);
        File.WriteAllLines(votes, [lines[0], .. rows]);

        var full = UnVotingDataLoader.Load(folder.Path);
        var part = UnVotingDataLoader.Load(folder.Path, _ => 2019);

        int firstSession = full.RollCalls.Where(r => r.Year >= 2019).Min(r => r.Session);
        Assert.That(full.RollCalls.Any(r => r.Session < firstSession), "the fixture has sessions to pass over");
        Assert.That(full.Problems.Describe(10).ToArray(), Has.Some.Contains("second vote").And.Some.Contains("'QQ'"));
        AssertSameExceptVotesBefore(full, part, firstSession);
    }

    [Test]
    public void Passing_over_every_session_still_numbers_the_units_in_the_order_of_a_full_load()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);

        var full = UnVotingDataLoader.Load(folder.Path);
        var part = UnVotingDataLoader.Load(folder.Path, last => last + 1);

        Assert.That(part.Units, Is.EqualTo(full.Units));
        Assert.That(part.Problems.All, Is.EqualTo(full.Problems.All));
        Assert.That(part.RecordRollCall.All(r => part.RollCalls[r].Id.StartsWith("undl-", StringComparison.Ordinal)), "only the library's votes, which are never passed over");
    }

    /// <summary>
    /// Same roll calls, units, problems, pairs and ideal points; the votes of the unvotes roll calls of sessions from
    /// <paramref name="firstSession"/> on and of the library's, and no others.
    /// </summary>
    private static void AssertSameExceptVotesBefore(UnVotingData full, UnVotingData part, int firstSession)
    {
        Assert.That(part.RollCalls, Is.EqualTo(full.RollCalls));
        Assert.That(part.Units, Is.EqualTo(full.Units));
        Assert.That(part.Problems.All, Is.EqualTo(full.Problems.All));
        Assert.That(part.MatchedPairs, Is.EqualTo(full.MatchedPairs));
        Assert.That(part.BsvIdealPoints, Is.EquivalentTo(full.BsvIdealPoints));
        bool Kept(int r) => full.RollCalls[r].Session >= firstSession || full.RollCalls[r].Id.StartsWith("undl-", StringComparison.Ordinal);
        var expected = Enumerable.Range(0, full.RecordChoice.Length).Where(k => Kept(full.RecordRollCall[k]))
            .Select(k => (full.RecordRollCall[k], full.RecordUnit[k], full.RecordChoice[k])).ToArray();
        var actual = Enumerable.Range(0, part.RecordChoice.Length).Select(k => (part.RecordRollCall[k], part.RecordUnit[k], part.RecordChoice[k])).ToArray();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(actual, Is.EqualTo(expected));
    }
}
