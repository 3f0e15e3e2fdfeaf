namespace StemSimulator.Engine.Rules;

/// <summary>The names of the <see cref="CouncilDecision"/> kinds; every switch throws on a kind it does not know.</summary>
public static class CouncilDecisions
{
    /// <summary>The decision's name as scenarios and the outputs write it: substantive or procedural.</summary>
    public static string Name(this CouncilDecision decision) => decision switch
    {
        CouncilDecision.Substantive => "substantive",
        CouncilDecision.Procedural => "procedural",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown Council decision: add it to CouncilDecisions."),
    };

    /// <summary>The decision called <paramref name="name"/> (as <see cref="Name"/> writes it); throws on any other name.</summary>
    public static CouncilDecision Parse(string name)
    {
        foreach (var value in Enum.GetValues<CouncilDecision>())
        {
            if (value.Name() == name)
            {
                return value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, $"'{name}' is not a Council decision ({string.Join(", ", Enum.GetValues<CouncilDecision>().Select(v => v.Name()))}).");
    }
}
