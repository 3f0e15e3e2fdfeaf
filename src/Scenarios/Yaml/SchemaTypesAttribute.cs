namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// The JSON Schema types a text key accepts when the binder reads more than text from it (e.g. <c>calibration</c>: a
/// year or a file path); the schema lists these types instead of "string".
/// </summary>
/// <param name="types">JSON Schema type names, e.g. "integer", "string".</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SchemaTypesAttribute(params string[] types) : Attribute
{
    /// <summary>The type names.</summary>
    public IReadOnlyList<string> Types { get; } = types;
}
