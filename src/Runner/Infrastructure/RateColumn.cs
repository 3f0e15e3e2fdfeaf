using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>A progress-bar column with the simulation's speed in trials per second (Spectre's own speed column counts bytes).</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Markup(task.Speed is { } speed
            ? string.Create(CultureInfo.InvariantCulture, $"[grey]{speed:N0} trials/s[/]")
            : "[grey]- trials/s[/]");
}
