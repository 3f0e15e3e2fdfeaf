namespace StemSimulator.Runner.Reporting;

/// <summary>A chart rendered to PNG.</summary>
/// <param name="Name">File-name stem, unique in the briefing (e.g. yes-count-ga-hrc-suspension).</param>
/// <param name="Caption">What the chart shows and how to read it.</param>
/// <param name="Png">The PNG image.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
internal sealed record Chart(string Name, string Caption, byte[] Png, int Width, int Height) : BriefingBlock;
