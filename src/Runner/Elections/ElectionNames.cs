using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Members;

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

    /// <summary>The scenario language's region name: africa, asia_pacific, eastern_europe, grulac, weog.</summary>
    public static string Region(RegionalGroup group) => group switch
    {
        RegionalGroup.African => "africa",
        RegionalGroup.AsiaPacific => "asia_pacific",
        RegionalGroup.EasternEuropean => "eastern_europe",
        RegionalGroup.LatinAmericanAndCaribbean => "grulac",
        RegionalGroup.WesternEuropeanAndOthers => "weog",
        _ => throw new InvalidOperationException($"Unknown regional group {group}."),
    };

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
