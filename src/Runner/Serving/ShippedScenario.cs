using System.Text.Json.Serialization;

namespace StemSimulator.Runner.Serving;

/// <summary>A scenario or template shipped with the tool.</summary>
/// <param name="Name">The file name without .yaml, e.g. ga-hrc-suspension-2026.</param>
/// <param name="Kind"><c>scenario</c> or <c>template</c>.</param>
/// <param name="Description">The scenario's description.</param>
/// <param name="Trials">Its trials.</param>
/// <param name="Votes">The ids of its votes.</param>
/// <param name="Elections">The ids of its elections.</param>
/// <param name="Yaml">Its text (not listed; fetched by name).</param>
internal sealed record ShippedScenario(string Name, string Kind, string Description, long Trials, IReadOnlyList<string> Votes, IReadOnlyList<string> Elections, [property: JsonIgnore] string Yaml);
