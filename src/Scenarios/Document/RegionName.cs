using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A UN regional group as written in a scenario, by its canonical group name in any case (<c>WEOG</c>, <c>weog</c>,
/// <c>AFRICAN_GROUP</c>); the older names <c>africa</c>, <c>asia_pacific</c> and <c>eastern_europe</c> are still read.
/// </summary>
public enum RegionName
{
    /// <summary>African Group.</summary>
    [AlsoReadAs("africa")]
    AfricanGroup,

    /// <summary>Asia-Pacific Group.</summary>
    [AlsoReadAs("asia_pacific")]
    AsiaPacificGroup,

    /// <summary>Eastern European Group.</summary>
    [AlsoReadAs("eastern_europe")]
    EasternEuropeanGroup,

    /// <summary>Latin American and Caribbean Group.</summary>
    Grulac,

    /// <summary>Western European and Others Group.</summary>
    Weog,
}
