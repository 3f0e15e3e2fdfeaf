namespace StemSimulator.Scenarios.Diagnostics;

/// <summary>One problem in a scenario: where it is and, in plain words, what is wrong and what would be right.</summary>
/// <param name="Location">Where.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record ScenarioDiagnostic(SourceLocation Location, string Message)
{
    /// <summary>The line printed: location and message, with hidden and look-alike characters escaped.</summary>
    public override string ToString() => VisibleText.Escape($"{Location}: error: {Message}");
}
