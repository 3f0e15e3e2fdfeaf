using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StemSimulator.Runner.Schema;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Schema;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios.Schema;

/// <summary>The committed JSON Schema of scenarios is what the code generates, and every scenario points at it.</summary>
public sealed partial class ScenarioSchemaTests
{
    private static string Committed => Path.Combine(RepositoryPaths.Root, ScenarioSchema.RepositoryPath);

    [Test]
    public void Committed_schema_is_current()
    {
        string generated = SchemaCommand.Generate();
        string committed = File.ReadAllText(Committed).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.That(committed, Is.EqualTo(generated),
            "scenarios/scenario.schema.json is stale; regenerate it: dotnet run --project src/Runner -- schema --out scenarios/scenario.schema.json");
    }

    [Test]
    public void Schema_has_snake_case_keys_types_enums_required_keys_and_descriptions()
    {
        var schema = JsonNode.Parse(SchemaCommand.Generate())!;
        Assert.That(schema["additionalProperties"]!.GetValue<bool>(), Is.False);
        Assert.That(schema["required"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EquivalentTo(new[] { "scenario", "as_of" }));
        Assert.That(schema["properties"]!["as_of"]!["format"]!.GetValue<string>(), Is.EqualTo("date"));
        Assert.That(schema["properties"]!["article_19"]!["type"]!.GetValue<string>(), Is.EqualTo("array"));
        var vote = schema["$defs"]!["vote"]!;
        Assert.That(vote["additionalProperties"]!.GetValue<bool>(), Is.False);
        Assert.That(vote["required"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EquivalentTo(new[] { "id", "body" }));
        Assert.That(vote["properties"]!["majority"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()), Is.SupersetOf(new[] { "simple", "two_thirds" }));
        Assert.That(vote["properties"]!["body"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()), Is.SupersetOf(new[] { "GA", "SC" }));
        Assert.That(vote["properties"]!["discrimination"]!["description"]!.GetValue<string>(), Does.Contain("Discrimination beta of the vote (-20 to 20)"));
        Assert.That(vote["properties"]!["cutpoints"]!["description"]!.GetValue<string>(), Does.Contain("Required unless like is given"), "crefs become YAML keys");
        Assert.That(vote["properties"]!["like"]!["anyOf"]!.AsArray(), Has.Count.EqualTo(2), "like: A/RES/68/262 or a mapping");
        // Every key the binder accepts on a vote is in the schema.
        Assert.That(vote["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(typeof(VoteDocument).GetProperties().Select(p => SnakeCaseName(p.Name))));
    }

    [Test]
    public void Every_scenario_points_at_the_schema_by_a_path_that_resolves()
    {
        foreach (string file in Directory.GetFiles(RepositoryPaths.Scenarios, "*.yaml", SearchOption.AllDirectories))
        {
            string first = File.ReadLines(file).First();
            var match = Header().Match(first);
            Assert.That(match.Success, Is.True, $"{file} starts with '# yaml-language-server: $schema=...'");
            string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, match.Groups[1].Value));
            Assert.That(target, Is.EqualTo(Path.GetFullPath(Committed)), file);
        }
    }

    private static string SnakeCaseName(string name) => Regex.Replace(Regex.Replace(name, "([a-z0-9])([A-Z])", "$1_$2"), "([a-z])([0-9])", "$1_$2").ToLowerInvariant();

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)$")]
    private static partial Regex Header();
}
