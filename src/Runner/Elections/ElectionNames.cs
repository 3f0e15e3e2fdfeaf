using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Elections;

/// <summary>How elections, bodies and regional groups are named in the output tables.</summary>
internal static class ElectionNames
{
    /// <summary>SC or HRC.</summary>
    public static string Body(ElectionModel election) => election.Body switch
    {
        ElectionBody.SecurityCouncil => "SC",
        ElectionBody.HumanRightsCouncil => "HRC",
        var body => throw new InvalidOperationException($"Unknown election body {body}."),
    };

    /// <summary>The canonical group name, as scenarios, <c>stemsim members</c> and the docs write it: AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG.</summary>
    public static string Region(RegionalGroup group) => MemberGroups.NameOf(group);

    /// <summary>unrestricted or restricted.</summary>
    public static string Kind(BallotKind kind) => kind switch
    {
        BallotKind.Unrestricted => "unrestricted",
        BallotKind.Restricted => "restricted",
        _ => throw new InvalidOperationException($"Unknown ballot kind {kind}."),
    };

    /// <summary>The round caps of the elections, for the file metadata: "id/region=cap; ...".</summary>
    public static string RoundCaps(IEnumerable<ElectionModel> elections) =>
        string.Join("; ", elections.SelectMany(e => e.SeatGroups.Select(g => $"{e.Id}/{Region(g.Region)}={e.MaxRounds}")).Distinct(StringComparer.Ordinal));
}
