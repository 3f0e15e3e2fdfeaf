namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// Older or alternative spellings the binder reads as this enum value (any case), so that a renamed value keeps
/// old scenario files valid; the tool itself writes only the value's own snake_case name.
/// </summary>
/// <param name="names">The other spellings, snake_case.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
internal sealed class AlsoReadAsAttribute(params string[] names) : Attribute
{
    /// <summary>The other spellings, snake_case.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
