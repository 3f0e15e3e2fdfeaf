using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Runner.Calibration;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.ReferenceData;

namespace StemSimulator.Tests.Engine.Backtesting.AnalogSpread;

/// <summary>
/// The analog-choice rule of <see cref="AnalogChooser"/> on the real Assembly record (../shared/data/un) and the
/// embedded concerned-party labels: hand-checked roll calls of 2005 and the rule's conditions on every roll call of
/// 2000-2009.
/// </summary>
public sealed class AnalogChooserTests
{
    private static readonly Lazy<(UnVotingData Data, AnalogChooser Chooser, int[] Previous, string[][] Concerns)> Record = new(() =>
    {
        var data = UnVotingDataLoader.Load(SharedData.RequireUnDataDirectory());
        var previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);
        var concerns = data.RollCalls.Select(rc => RollCallConcerns.Embedded.TryGetValue(rc.Id, out var c) ? c : []).ToArray();
        return (data, new AnalogChooser(data.RollCalls, previous, concerns), previous, concerns);
    });

    private static int Index(string id) => Record.Value.Data.RollCalls.Select((rc, i) => (rc, i)).Single(x => x.rc.Id == id).i;

    private static string? Chosen(string id, AnalogKind kind) => Record.Value.Chooser.Choose(Index(id), kind) is var a and >= 0 ? Record.Value.Data.RollCalls[a].Id : null;

    [Test]
    public void Assistance_to_Palestine_refugees_2005_has_an_analog_of_each_kind()
    {
        // 4642 is A/RES/60/100 (2005-12-08, issue area: Palestinian conflict, concerns ISR). Its repeat is A/RES/59/117
        // (4560). The previous session's only whole text with exactly that issue area and no state concerned is
        // A/RES/59/307 (4521, financing of UNIFIL). The texts concerning ISR in session 59 with other titles are listed
        // from un_roll_calls.csv and roll_call_concerns.csv.
        string[] isrTexts = ["4525", "4542", "4545", "4552", "4553", "4554", "4555", "4556", "4557", "4558", "4559", "4571", "4582", "4583", "4584", "4585", "4586", "4587", "5740"];

        Assert.That(Chosen("4642", AnalogKind.Repeat), Is.EqualTo("4560"));
        Assert.That(Chosen("4642", AnalogKind.SameIssue), Is.EqualTo("4521"));
        Assert.That(isrTexts, Does.Contain(Chosen("4642", AnalogKind.SameSubject)));
    }

    [Test]
    public void The_Cuba_embargo_2005_has_no_other_text_on_its_subject()
    {
        // 4664 is A/RES/60/12 (concerns USA; issue area economic development): its repeat is A/RES/59/11 (4590), the only
        // session-59 text concerning USA; the only other text with exactly that issue area is A/RES/59/221 (4526).
        Assert.That(Chosen("4664", AnalogKind.Repeat), Is.EqualTo("4590"));
        Assert.That(Chosen("4664", AnalogKind.SameSubject), Is.Null);
        Assert.That(Chosen("4664", AnalogKind.SameIssue), Is.EqualTo("4526"));
    }

    [Test]
    public void A_repeats_population_is_the_resolutions_own_earlier_votes()
    {
        // A/RES/59/11 (4590, 2004) is the Cuba embargo text, voted every session; the recurring resolutions' one-to-one
        // title match links it to session 58's text and that one to none of session 57, so the chain stops there.
        var chooser = Record.Value.Chooser;
        var data = Record.Value.Data;
        var history = chooser.Population(Index("4590"), AnalogKind.Repeat, 3);

        Assert.That(history[0], Is.EqualTo(Index("4590")), "the analog first");
        Assert.That(history.Select(r => data.RollCalls[r].Session), Is.EqualTo(new[] { 59, 58 }));
        Assert.That(history[1], Is.EqualTo(Record.Value.Previous[Index("4590")]));
        Assert.That(history.All(r => (data.RollCalls[r].ShortTitle + " " + data.RollCalls[r].Description).Contains("embargo", StringComparison.OrdinalIgnoreCase)), Is.True);
        Assert.That(chooser.Population(Index("4590"), AnalogKind.Repeat, 1), Is.EqualTo(new[] { Index("4590") }));
    }

    [Test]
    public void The_recurring_pairs_of_a_session_are_its_whole_texts_with_the_ones_they_repeat()
    {
        // A/RES/59/11 (4590, session 59) repeats session 58's Cuba embargo text (the test above); every pair is a whole
        // text of session 59 and the whole text of session 58 the one-to-one title match gives it.
        var chooser = Record.Value.Chooser;
        var data = Record.Value.Data;
        var pairs = chooser.RecurringPairs(59).ToArray();

        Assert.That(pairs, Does.Contain((Index("4590"), Record.Value.Previous[Index("4590")])));
        Assert.That(pairs.All(p => data.RollCalls[p.Newer].Session == 59 && data.RollCalls[p.Older].Session == 58), Is.True);
        Assert.That(pairs.All(p => Record.Value.Previous[p.Newer] == p.Older && AnalogChooser.IsWholeText(data.RollCalls[p.Newer]) && AnalogChooser.IsWholeText(data.RollCalls[p.Older])), Is.True);
        Assert.That(pairs.Length, Is.EqualTo(Enumerable.Range(0, data.RollCalls.Count).Count(r => data.RollCalls[r].Session == 59 && AnalogChooser.IsWholeText(data.RollCalls[r])
            && Record.Value.Previous[r] >= 0 && data.RollCalls[Record.Value.Previous[r]].Session == 58 && AnalogChooser.IsWholeText(data.RollCalls[Record.Value.Previous[r]]))));
    }

    [Test]
    public void A_population_holds_the_analog_and_the_texts_of_its_kind_in_its_last_sessions()
    {
        // Session 59: A/RES/59/11 (4590, the Cuba embargo) is the only text concerning USA, and it and A/RES/59/221
        // (4526) the only whole texts with exactly the issue area economic development (the test above).
        var chooser = Record.Value.Chooser;
        var data = Record.Value.Data;
        string[] Ids(IReadOnlyList<int> population) => population.Select(r => data.RollCalls[r].Id).ToArray();

        Assert.That(Ids(chooser.Population(Index("4590"), AnalogKind.SameSubject, 1)), Is.EqualTo(new[] { "4590" }));
        Assert.That(Ids(chooser.Population(Index("4526"), AnalogKind.SameIssue, 1)), Is.EqualTo(new[] { "4526", "4590" }));

        var wider = chooser.Population(Index("4526"), AnalogKind.SameIssue, 3);
        Assert.That(Ids(wider)[0], Is.EqualTo("4526"), "the analog first");
        Assert.That(wider.Select(r => data.RollCalls[r].Session).Distinct().Order(), Is.EqualTo(new[] { 57, 58, 59 }));
        Assert.That(wider.All(r => data.RollCalls[r].Issues == data.RollCalls[Index("4526")].Issues && AnalogChooser.IsWholeText(data.RollCalls[r])));
    }

    [Test]
    public void Every_analog_of_2000_2009_meets_its_kinds_conditions()
    {
        var (data, chooser, previous, concerns) = Record.Value;
        var counts = new Dictionary<AnalogKind, int>();
        for (int r = 0; r < data.RollCalls.Count; r++)
        {
            var rc = data.RollCalls[r];
            if (rc.Year is < 2000 or > 2009)
            {
                continue;
            }

            foreach (var kind in Enum.GetValues<AnalogKind>())
            {
                int a = chooser.Choose(r, kind);
                if (a < 0)
                {
                    continue;
                }

                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                var analog = data.RollCalls[a];
                Assert.That(AnalogChooser.IsWholeText(rc) && AnalogChooser.IsWholeText(analog), $"{rc.Id}: whole texts only");
                Assert.That(analog.Session, Is.EqualTo(rc.Session - 1), $"{rc.Id} {kind}: the previous session");
                bool sharesConcern = concerns[r].Intersect(concerns[a]).Any();
                switch (kind)
                {
                    case AnalogKind.Repeat:
                        Assert.That(a, Is.EqualTo(previous[r]));
                        break;
                    case AnalogKind.SameSubject:
                        Assert.That(sharesConcern && a != previous[r] && !chooser.SameTitle(r, a), $"{rc.Id} -> {analog.Id}");
                        break;
                    case AnalogKind.SameIssue:
                        Assert.That(rc.Issues != 0 && analog.Issues == rc.Issues && !sharesConcern && a != previous[r] && !chooser.SameTitle(r, a), $"{rc.Id} -> {analog.Id}");
                        break;
                    default:
                        throw new InvalidOperationException(kind.ToString());
                }
            }
        }

        // Each kind is found for a good share of the decade's roll calls.
        Assert.That(counts[AnalogKind.Repeat], Is.GreaterThan(300));
        Assert.That(counts[AnalogKind.SameSubject], Is.GreaterThan(100));
        Assert.That(counts[AnalogKind.SameIssue], Is.GreaterThan(300));
    }
}
