using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StemSimulator.Engine.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// Writes a what-if as a scenario: the scenario as given with its variants replaced by one, <see cref="VariantName"/>,
/// holding the changes (the keys of a scenario's variant: members, blocs, cosponsors, outreach, votes). The result is
/// the YAML the server runs and the page downloads, so <c>stemsim run</c> on it gives the same numbers (same seed,
/// trials and variant). Comments of the original are not kept.
/// </summary>
internal static class WhatIfScenario
{
    /// <summary>The name of the variant that holds the what-if.</summary>
    public const string VariantName = "what-if";

    /// <summary>
    /// The scenario text with the what-if variant; <paramref name="scenarioYaml"/> must already load (its errors are
    /// reported against its own lines first).
    /// </summary>
    /// <param name="scenarioYaml">The scenario as the user has it.</param>
    /// <param name="changes">The variant's keys (a JSON object), or null for a variant that changes nothing.</param>
    /// <param name="description">The variant's description, or null.</param>
    /// <param name="trials">Trials replacing the scenario's, or null to keep them.</param>
    public static string Compose(string scenarioYaml, JsonObject? changes, string? description, long? trials)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(scenarioYaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidOperationException("A scenario that loaded has a mapping at its root.");
        }

        var variant = new YamlMappingNode { { "name", VariantName } };
        if (description is { Length: > 0 })
        {
            variant.Add("description", new YamlScalarNode(description) { Style = ScalarStyle.DoubleQuoted });
        }

        foreach (var (key, value) in changes ?? [])
        {
            if (value is not null)
            {
                variant.Add(key, Node(value));
            }
        }

        root.Children[new YamlScalarNode("variants")] = new YamlSequenceNode(variant);
        if (trials is { } count)
        {
            root.Children[new YamlScalarNode("trials")] = new YamlScalarNode(count.ToString(CultureInfo.InvariantCulture));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        string text = writer.ToString();
        // The emitter closes the document with "..."; a scenario file does not need it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>The variant keys that change how members vote on resolutions (they mean nothing to an election).</summary>
    private static readonly string[] VoteKeys = ["members", "blocs", "cosponsors", "outreach", "attraction", "votes"];

    /// <summary>
    /// Why <paramref name="changes"/> mean nothing to the scenario <paramref name="model"/> (composed with them), or
    /// null when they all apply: a scenario of elections only has no vote for members, blocs, co-sponsors or
    /// outreach to move, and its elections change under <c>elections</c> (campaign, pledges, affinity, withdrawal).
    /// </summary>
    public static string? NotApplicable(SimulationModel model, JsonObject? changes)
    {
        if (model.VoteCount > 0 || changes is null || VoteKeys.FirstOrDefault(changes.ContainsKey) is not { } key)
        {
            return null;
        }

        var ids = model.Variants[0].Elections.Select(e => e.Id).ToArray();
        return $"'{key}' changes how members vote on the scenario's resolutions, and this scenario has no votes, only elections ({string.Join(", ", ids)}); "
            + $"change a candidate's campaign or pledges under \"elections\" instead, e.g. {{\"elections\": {{\"{ids[0]}\": {{\"campaign\": {{\"CODE\": 0.5}}}}}}}}";
    }

    /// <summary>A JSON value as YAML: objects of scalars and lists in flow style ({ shift: 0.5 }), the rest in block style.</summary>
    private static YamlNode Node(JsonNode node) => node switch
    {
        JsonObject map => Mapping(map),
        JsonArray list => new YamlSequenceNode(list.Where(v => v is not null).Select(v => Node(v!))) { Style = SequenceStyle.Flow },
        JsonValue value => Scalar(value),
        _ => throw new InvalidOperationException($"Unknown JSON node {node.GetType().Name}."),
    };

    private static YamlMappingNode Mapping(JsonObject map)
    {
        var mapping = new YamlMappingNode();
        foreach (var (key, value) in map)
        {
            if (value is not null)
            {
                mapping.Add(new YamlScalarNode(key), Node(value));
            }
        }

        if (map.All(kv => kv.Value is null or JsonValue or JsonArray))
        {
            mapping.Style = MappingStyle.Flow;
        }

        return mapping;
    }

    private static YamlScalarNode Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => new YamlScalarNode(value.GetValue<string>()),
        JsonValueKind.Number => new YamlScalarNode(value.ToJsonString()),
        JsonValueKind.True => new YamlScalarNode("true"),
        JsonValueKind.False => new YamlScalarNode("false"),
        var kind => throw new InvalidOperationException($"Unexpected JSON value kind {kind}."),
    };
}
