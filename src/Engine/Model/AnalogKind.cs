namespace StemSimulator.Engine.Model;

/// <summary>
/// How a vote's analog roll call relates to the new text, which decides how far the text may sit from it
/// (<see cref="AnalogSpreads"/>; the rule that tells the kinds apart on the record is in docs/calibration.md).
/// </summary>
public enum AnalogKind
{
    /// <summary>The same resolution's previous vote (its title matches the analog's, as the recurring resolutions are matched).</summary>
    Repeat,

    /// <summary>An earlier, different text on the same situation, agenda item or party concerned.</summary>
    SameSubject,

    /// <summary>An earlier text that has only the issue area in common.</summary>
    SameIssue,
}
