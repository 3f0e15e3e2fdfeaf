using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Schema;

/// <summary>
/// The JSON Schema (draft 2020-12) of scenario files, generated from the document classes the binder fills: keys in
/// snake_case as the binder reads them, types, enums, required keys, no unknown keys, and descriptions from the
/// classes' XML documentation. Editors with the YAML language server use it for completion and checks as one types;
/// it is generated, never written by hand, so it cannot drift from the binder.
/// </summary>
public static class ScenarioSchema
{
    /// <summary>Where the committed schema lives, relative to the repository root.</summary>
    public const string RepositoryPath = "scenarios/scenario.schema.json";

    /// <summary>The schema as indented JSON text (LF line ends, final newline).</summary>
    /// <param name="documentation">The Scenarios assembly's XML documentation, for descriptions; null for none.</param>
    public static string Generate(XmlDocumentation? documentation)
    {
        var generator = new Generator(documentation ?? XmlDocumentation.Empty);
        var root = generator.Root();
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private sealed class Generator(XmlDocumentation docs)
    {
        private readonly SortedDictionary<string, JsonNode> _definitions = new(StringComparer.Ordinal);

        public JsonObject Root()
        {
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = "https://stemsimulator.example/scenario.schema.json",
                ["title"] = "StemSimulator scenario",
            };
            var body = Object(typeof(ScenarioDocument));
            foreach (var (key, value) in body)
            {
                root[key] = value?.DeepClone();
            }

            var defs = new JsonObject();
            foreach (var (name, definition) in _definitions)
            {
                defs[name] = definition;
            }

            root["$defs"] = defs;
            return root;
        }

        private JsonObject Object(Type type)
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            foreach (var (key, property) in YamlBinder.KeysOf(type))
            {
                var schema = Schema(property.PropertyType);
                if (property.GetCustomAttribute<SchemaTypesAttribute>() is { } types)
                {
                    schema["type"] = new JsonArray(types.Types.Select(t => (JsonNode)t).ToArray());
                }
                if (docs.Property(property) is { } description)
                {
                    schema["description"] = description;
                }

                properties[key] = schema;
                if (property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
                {
                    required.Add(key);
                }
            }

            var result = new JsonObject { ["type"] = "object" };
            if (docs.Type(type) is { } summary)
            {
                result["description"] = summary;
            }

            result["properties"] = properties;
            if (required.Count > 0)
            {
                result["required"] = required;
            }

            result["additionalProperties"] = false;
            return result;
        }

        private JsonObject Schema(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray)
            {
                var element = type.GetElementType()!;
                var array = new JsonObject { ["type"] = "array", ["items"] = Schema(element) };
                // The binder reads a single mapping as a list of one (after: { vote: x, if: vetoed }).
                return IsDocument(element) ? new JsonObject { ["anyOf"] = new JsonArray(array, Schema(element)) } : array;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(type.GetGenericArguments()[1]) };
            }

            if (IsDocument(type))
            {
                return DocumentReference(type);
            }

            if (type.IsEnum)
            {
                return EnumSchema(type);
            }

            return type switch
            {
                _ when type == typeof(string) => new JsonObject { ["type"] = "string" },
                _ when type == typeof(bool) => new JsonObject { ["type"] = "boolean" },
                _ when type == typeof(int) || type == typeof(long) => new JsonObject { ["type"] = "integer" },
                _ when type == typeof(ulong) => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                _ when type == typeof(double) => new JsonObject { ["type"] = "number" },
                _ when type == typeof(DateOnly) => new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                _ => throw new NotSupportedException($"The schema generator does not support {type}."),
            };
        }

        /// <summary>A reference to a document type's definition (added on first use), or its scalar shorthand too.</summary>
        private JsonObject DocumentReference(Type type)
        {
            string name = SnakeCase.From(type.Name.Replace("Document", string.Empty, StringComparison.Ordinal));
            if (!_definitions.ContainsKey(name))
            {
                _definitions[name] = new JsonObject();
                _definitions[name] = Object(type);
            }

            var reference = new JsonObject { ["$ref"] = $"#/$defs/{name}" };
            if (type.GetCustomAttribute<ScalarShorthandAttribute>() is { } shorthand)
            {
                // `like: A/RES/68/262` is short for `like: { vote: A/RES/68/262 }`.
                return new JsonObject { ["anyOf"] = new JsonArray(Schema(type.GetProperty(shorthand.Property)!.PropertyType), reference) };
            }

            return reference;
        }

        /// <summary>An enum's names in snake_case and upper case, with their documentation as a comment.</summary>
        private JsonObject EnumSchema(Type type)
        {
            // The binder accepts any case; the schema lists the snake_case names and their upper-case forms.
            var names = Enum.GetNames(type)
                .SelectMany(n => new[] { SnakeCase.From(n) }.Concat(type.GetField(n)!.GetCustomAttribute<AlsoReadAsAttribute>()?.Names ?? []))
                .SelectMany(n => new[] { n, n.ToUpperInvariant() }).Distinct(StringComparer.Ordinal);
            var schema = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(names.Select(n => (JsonNode)n!).ToArray()) };
            var values = Enum.GetNames(type)
                .Select(n => (Name: SnakeCase.From(n), Doc: docs.Field(type, n)))
                .Where(v => v.Doc is not null)
                .Select(v => $"{v.Name}: {v.Doc!.TrimEnd('.')}")
                .ToArray();
            if (values.Length > 0)
            {
                schema["$comment"] = string.Join("; ", values);
            }

            return schema;
        }

        private static bool IsDocument(Type type) => type.IsClass && type != typeof(string) && !type.IsArray && !type.IsGenericType;
    }
}
