namespace StemSimulator.Runner.Serving;

/// <summary>One scenario error: where it is and what it says.</summary>
/// <param name="Line">1-based line in the scenario text.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">The message, as <c>stemsim validate</c> prints it after the location.</param>
/// <param name="Text">The whole line <c>stemsim validate</c> prints: file:line:column: error: message.</param>
internal sealed record ScenarioError(int Line, int Column, string Message, string Text);
