namespace StemSimulator.Scenarios.Document;

/// <summary>
/// How the analog relates to the new text, as written in a scenario (snake_case); it decides the analog's spread
/// (<see cref="Engine.Model.AnalogSpreads"/>).
/// </summary>
public enum AnalogKindName
{
    /// <summary>The same resolution's previous vote.</summary>
    Repeat,

    /// <summary>An earlier, different text on the same situation, agenda item or party concerned.</summary>
    SameSubject,

    /// <summary>An earlier text with only the issue area in common.</summary>
    SameIssue,
}
