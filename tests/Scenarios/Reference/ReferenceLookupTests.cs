using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Scenarios.Reference;

/// <summary>
/// The lookups the reference catalog builds at every start (plain dictionaries filled by a loop since the eighth cold
/// start round): the same answers as the stable sort and grouping they replaced, checked on hand-made tables.
/// </summary>
public sealed class ReferenceLookupTests
{
    private static MemberPosition Position(string code, int year, double theta) =>
        new(code, year, theta, 0.1, 0.05, year, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);

    [Test]
    public void A_unit_given_out_of_year_order_is_found_as_if_sorted_by_year()
    {
        var table = new CalibratedPositions(
            [Position("AAA", 2003, 3), Position("BBB", 2001, 10), Position("AAA", 2001, 1), Position("AAA", 2002, 2)], 0.15);

        Assert.Multiple(() =>
        {
            Assert.That(table.Find("AAA", 2001)!.Theta, Is.EqualTo(1));
            Assert.That(table.Find("AAA", 2002)!.Theta, Is.EqualTo(2));
            Assert.That(table.Find("AAA", 2005)!.Theta, Is.EqualTo(3), "after the last year: the last year's row");
            Assert.That(table.Find("AAA", 1999)!.Theta, Is.EqualTo(1), "before the first year: the first year's row");
            Assert.That(table.FirstYear, Is.EqualTo(2001));
            Assert.That(table.LatestYear, Is.EqualTo(2003));
            Assert.That(table.Codes, Is.EqualTo(new[] { "AAA", "BBB" }));
            Assert.That(table.Find("CCC", 2001), Is.Null);
        });
    }

    [Test]
    public void Rows_of_the_same_year_keep_the_tables_order_as_a_stable_sort_kept_it()
    {
        // Out of order (so the rows are sorted) with two rows for 2002: the later one in the table is the one found.
        var table = new CalibratedPositions([Position("AAA", 2003, 3), Position("AAA", 2002, 20), Position("AAA", 2002, 21)], 0.15);

        Assert.That(table.Find("AAA", 2002)!.Theta, Is.EqualTo(21));
    }

    [Test]
    public void A_position_is_dated_the_year_asked_for_and_shared_when_it_is_that_years_own()
    {
        var own = Position("AAA", 2001, 1);
        var table = new CalibratedPositions([own], 0.15);

        Assert.Multiple(() =>
        {
            Assert.That(table.Find("AAA", 2001), Is.SameAs(own));
            Assert.That(table.Find("AAA", 2004), Is.EqualTo(own with { Year = 2004 }));
        });
    }

    [Test]
    public void A_symbol_names_its_roll_calls_in_the_tables_order_and_an_id_names_one()
    {
        static AnalogRollCall RollCall(string id, string symbol, string kind, int day) =>
            new(id, symbol, 2020, new DateOnly(2020, 12, day), kind, 0, 1, -1, 1, 100, 20, 30, 43, "A title");
        var rollCalls = new AnalogRollCalls(
        [
            RollCall("10", "A/RES/75/1", "amendment", 1),
            RollCall("11", "A/RES/75/2", "resolution", 2),
            RollCall("12", "A/RES/75/1", "paragraph", 3),
            RollCall("13", "", "resolution", 4),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(rollCalls.Count, Is.EqualTo(4));
            Assert.That(rollCalls.Find("A/RES/75/2", out _)!.Id, Is.EqualTo("11"));
            Assert.That(rollCalls.Find("R/75/2", out _)!.Id, Is.EqualTo("11"));
            Assert.That(rollCalls.Find("13", out _)!.Id, Is.EqualTo("13"));
            Assert.That(rollCalls.Find("A/RES/75/1", out string? ambiguous), Is.Null);
            Assert.That(ambiguous, Does.Contain("names 2 recorded votes (roll call 10: amendment of 2020-12-01, roll call 12: paragraph of 2020-12-03)"));
            Assert.That(rollCalls.Find("A/RES/75/3", out string? unknown), Is.Null);
            Assert.That(unknown, Does.StartWith("unknown roll call 'A/RES/75/3'"));
        });
    }

    [Test]
    public void A_roll_call_id_given_twice_is_refused()
    {
        var twice = new AnalogRollCall("10", "A/RES/75/1", 2020, new DateOnly(2020, 12, 1), "resolution", 0, 1, -1, 1, 100, 20, 30, 43, "A title");

        Assert.Throws<ArgumentException>(() => _ = new AnalogRollCalls([twice, twice with { Symbol = "A/RES/75/2" }]));
    }

    [Test]
    public void Each_regional_group_is_found_by_its_name_and_nothing_else_is()
    {
        Assert.Multiple(() =>
        {
            foreach (var group in Enum.GetValues<RegionalGroup>())
            {
                Assert.That(RegionalGroups.Find(RegionalGroups.Names[RegionalGroups.IndexOf(group)]), Is.EqualTo(group));
            }

            Assert.That(RegionalGroups.Find("GRULAC"), Is.EqualTo(RegionalGroup.LatinAmericanAndCaribbean));
            Assert.That(RegionalGroups.Find("grulac"), Is.Null, "names are matched exactly; canonical spelling is MemberGroups' job");
            Assert.That(RegionalGroups.Find("EU"), Is.Null);
        });
    }
}
