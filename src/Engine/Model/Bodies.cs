namespace StemSimulator.Engine.Model;

/// <summary>The codes of the voting <see cref="Body"/>s; every switch throws on a body it does not know.</summary>
public static class Bodies
{
    /// <summary>The body's code as scenarios and the outputs write it: GA or SC.</summary>
    public static string Code(this Body body) => body switch
    {
        Body.GeneralAssembly => "GA",
        Body.SecurityCouncil => "SC",
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, "Unknown body: add it to Bodies."),
    };
}
