using System.Text.Json;
using System.Text.Json.Nodes;

namespace StemSimulator.Runner.Serving;

/// <summary>A what-if: a scenario and the changes of one variant to run beside its baseline.</summary>
/// <param name="Scenario">The scenario's YAML text (at most 1 MiB).</param>
/// <param name="Changes">The variant's keys as a scenario writes them: members, blocs, cosponsors, outreach, votes; null for none.</param>
/// <param name="Description">What the what-if changes, in a sentence; null for none.</param>
/// <param name="Trials">Trials replacing the scenario's (1 to the server's limit), or null to keep them.</param>
/// <param name="Band">
/// Whether to simulate the band over the analog's plausible spread as <c>stemsim run</c> does (null or false: not, so
/// the answer's rows lack its columns; the page does not show it).
/// </param>
internal sealed record WhatIfRequest(string? Scenario, JsonObject? Changes, string? Description, long? Trials, bool? Band = null)
{
    /// <summary>snake_case-insensitive reading; unknown keys are errors, so a misspelt key is not silently ignored.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
    };
}
