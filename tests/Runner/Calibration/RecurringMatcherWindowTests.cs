using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Calibration;
using StemSimulator.Tests.ReferenceData;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>
/// An update looks for the repeats of its refitted years only (<see cref="RecurringMatcher.PreviousOccurrenceFrom"/>):
/// on the shared data, each roll call of the sessions it covers has the match the whole record gives, and the others none.
/// </summary>
public sealed class RecurringMatcherWindowTests
{
    [Test]
    public void From_a_session_on_each_roll_call_has_the_match_of_the_whole_record_and_none_before()
    {
        var data = UnVotingDataLoader.Load(SharedData.RequireUnDataDirectory());
        var whole = RecurringMatcher.PreviousOccurrence(data.RollCalls);

        // The least number of matches each window must hold, so that the comparison is not empty (the counts are printed).
        foreach (var (year, least) in new[] { (1990, 1000), (2017, 200), (2021, 1) })
        {
            int fromSession = data.RollCalls.Where(r => r.Year >= year).Min(r => r.Session);
            var window = RecurringMatcher.PreviousOccurrenceFrom(data.RollCalls, fromSession);

            int kept = 0;
            for (int r = 0; r < whole.Length; r++)
            {
                bool inside = data.RollCalls[r].Session >= fromSession;
                Assert.That(window[r], Is.EqualTo(inside ? whole[r] : -1), $"roll call {data.RollCalls[r].Id} ({data.RollCalls[r].Year}), from session {fromSession}");
                kept += inside && whole[r] >= 0 ? 1 : 0;
            }

            Assert.That(kept, Is.GreaterThanOrEqualTo(least), $"matches from session {fromSession}");
            TestContext.Out.WriteLine($"from session {fromSession} ({year}): {kept} matches, as in the whole record");
        }
    }
}
