namespace StemSimulator.Engine.Members;

/// <summary>The five United Nations regional groups used for elections and seat allocation.</summary>
public enum RegionalGroup
{
    /// <summary>African Group (54 members).</summary>
    African,

    /// <summary>Asia-Pacific Group (Asia and the Pacific Small Island Developing States).</summary>
    AsiaPacific,

    /// <summary>Eastern European Group.</summary>
    EasternEuropean,

    /// <summary>Latin American and Caribbean Group (GRULAC).</summary>
    LatinAmericanAndCaribbean,

    /// <summary>Western European and Others Group (WEOG); the United States sits with it as an observer.</summary>
    WesternEuropeanAndOthers,
}
