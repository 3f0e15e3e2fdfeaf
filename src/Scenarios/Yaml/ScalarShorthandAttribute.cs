namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// Lets a document class be written as a plain scalar: the scalar binds to the named property and the others keep
/// their defaults (<c>like: A/RES/68/262</c> is short for <c>like: { vote: A/RES/68/262 }</c>).
/// </summary>
/// <param name="property">The C# name of the property the scalar fills.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class ScalarShorthandAttribute(string property) : Attribute
{
    /// <summary>The C# name of the property the scalar fills.</summary>
    public string Property { get; } = property;
}
