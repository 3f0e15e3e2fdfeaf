namespace StemSimulator.Scenarios.Document;

/// <summary>A UN regional group as written in a scenario (any case: <c>weog</c>, <c>WEOG</c>).</summary>
public enum RegionName
{
    /// <summary>African Group.</summary>
    Africa,

    /// <summary>Asia-Pacific Group.</summary>
    AsiaPacific,

    /// <summary>Eastern European Group.</summary>
    EasternEurope,

    /// <summary>Latin American and Caribbean Group.</summary>
    Grulac,

    /// <summary>Western European and Others Group.</summary>
    Weog,
}
