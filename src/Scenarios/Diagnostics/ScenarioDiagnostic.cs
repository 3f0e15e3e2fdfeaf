namespace StemSimulator.Scenarios.Diagnostics;

/// <summary>One problem in a scenario: where it is and, in plain words, what is wrong and what would be right.</summary>
/// <param name="Location">Where.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record ScenarioDiagnostic(SourceLocation Location, string Message)
{
    /// <summary>Whether the problem is only a warning: the scenario still runs (default false: an error).</summary>
    public bool IsWarning { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {(IsWarning ? "warning" : "error")}: {Message}";
}
