namespace StemSimulator.Scenarios.Diagnostics;

/// <summary>A place in a scenario file. Line and column are 1-based, as editors show them.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">Line, from 1.</param>
/// <param name="Column">Column, from 1.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
