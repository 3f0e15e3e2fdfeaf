namespace StemSimulator.Scenarios.Diagnostics;

/// <summary>One problem in a scenario: where it is and, in plain words, what is wrong and what would be right.</summary>
/// <param name="Location">Where.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record ScenarioDiagnostic(SourceLocation Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: error: {Message}";
}
