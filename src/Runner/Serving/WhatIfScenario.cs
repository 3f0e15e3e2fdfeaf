using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
