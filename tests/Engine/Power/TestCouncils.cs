using System.Globalization;
using StemSimulator.Engine.Power;

namespace StemSimulator.Tests.Engine.Power;

/// <summary>Small councils for the power tests: each small enough (at most 15 members) for brute-force enumeration.</summary>
internal static class TestCouncils
{
    public static SeatClass Seats(string type, int count, int weight = 1, bool veto = false) =>
        new(type, Enumerable.Range(1, count).Select(k => string.Create(CultureInfo.InvariantCulture, $"{type}-{k}")).ToArray(), weight, veto);

    /// <summary>The Charter's rule on today's 15 seats: all five permanent members and 9 of 15.</summary>
    public static CouncilDefinition Current() => new("current", "", [Seats("permanent", 5, veto: true), Seats("elected", 10)], 9);

    /// <summary>Councils with several kinds of rule, for agreement with brute force.</summary>
    public static IEnumerable<TestCaseData> Small()
    {
        yield return new TestCaseData(Current()).SetArgDisplayNames("current Council, veto and 9 of 15");
        yield return new TestCaseData(new CouncilDefinition("two-to-block", "", [Seats("permanent", 5, veto: true), Seats("elected", 10)], 9, vetoBlocking: 2))
            .SetArgDisplayNames("veto needs two permanent members");
        yield return new TestCaseData(new CouncilDefinition("no-veto", "", [Seats("permanent", 5), Seats("elected", 10)], 9))
            .SetArgDisplayNames("no veto, 9 of 15");
        yield return new TestCaseData(new CouncilDefinition("pre-1965", "", [Seats("permanent", 5, veto: true), Seats("elected", 6)], 7))
            .SetArgDisplayNames("1945-1965 Council: veto and 7 of 11");
        yield return new TestCaseData(new CouncilDefinition("three-classes", "", [Seats("veto", 3, veto: true), Seats("new_veto", 2, veto: true), Seats("elected", 7)], 8))
            .SetArgDisplayNames("two veto classes and 8 of 12");
        yield return new TestCaseData(new CouncilDefinition("weighted", "", [Seats("big", 1, 4), Seats("middle", 2, 3), Seats("small", 3, 1), Seats("tiny", 1, 2)], 8))
            .SetArgDisplayNames("weighted [8; 4, 3, 3, 2, 1, 1, 1], no veto");
        yield return new TestCaseData(new CouncilDefinition("weighted-veto", "", [Seats("anchor", 2, 3, veto: true), Seats("member", 6, 2), Seats("observer", 3, 1)], 11, vetoBlocking: 2))
            .SetArgDisplayNames("weighted with veto holders who block only together");
        yield return new TestCaseData(new CouncilDefinition("unanimity", "", [Seats("member", 6)], 6)).SetArgDisplayNames("unanimity of 6");
        yield return new TestCaseData(new CouncilDefinition("dictator", "", [Seats("chair", 1, 5), Seats("member", 4)], 5)).SetArgDisplayNames("a dictator and 4 dummies");
    }
}
