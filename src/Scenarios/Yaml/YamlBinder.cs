using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using StemSimulator.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// Binds a YAML node tree to the scenario document classes, reporting every problem at once with its line and
/// column: unknown keys (with the nearest valid one), wrong types, missing required keys, bad enum values.
/// </summary>
/// <remarks>
/// YamlDotNet parses; this binder replaces its deserializer because the deserializer stops at the first error
/// and forgets where values came from. Supported shapes: classes with init properties (required ones via the
/// <c>required</c> modifier), arrays, <c>Dictionary&lt;string, T&gt;</c>, enums (snake_case names, any case),
/// string, bool, int, long, ulong, double, DateOnly and their nullable forms.
/// </remarks>
internal sealed class YamlBinder
{
    /// <summary>Nodes bound at most, aliases counted each time they are used ("billion laughs" guard).</summary>
    public const int MaxNodes = 200_000;

    private readonly string _file;
    private readonly List<ScenarioDiagnostic> _diagnostics;
    private readonly SourceMap _map;
    private int _nodes;
    private bool _tooLarge;
    private object? _root;

    public YamlBinder(string file, List<ScenarioDiagnostic> diagnostics, SourceMap map)
    {
        _file = file;
        _diagnostics = diagnostics;
        _map = map;
    }

    public SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    public object? Bind(YamlNode node, Type type)
    {
        if (++_nodes > MaxNodes)
        {
            if (!_tooLarge)
            {
                _tooLarge = true;
                Error(node, $"the document expands to more than {MaxNodes:N0} values (are YAML aliases nesting?); a scenario is far smaller");
            }

            return null;
        }

        // A scenario is one self-contained file: a tag such as '!include' must not look as if another file were read.
        if (!node.Tag.IsEmpty && node.Tag.Value != "!" && !node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            Error(node, $"the YAML tag '{node.Tag.Value}' is not supported: a scenario is one self-contained file, with no includes or custom types; write the value itself");
            return null;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (IsNull(node))
        {
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                Error(node, $"expected {Describe(type)}, found nothing");
            }

            return null;
        }

        if (underlying.IsArray)
        {
            return BindArray(node, underlying.GetElementType()!);
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return BindDictionary(node, underlying);
        }

        if (underlying.IsClass && underlying != typeof(string))
        {
            return BindObject(node, underlying);
        }

        return BindScalar(node, underlying);
    }

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Whether a reference-typed property may be left empty (declared with '?').</summary>
    private static bool IsNullable(PropertyInfo property)
    {
        lock (Nullability)
        {
            return Nullability.Create(property).WriteState != NullabilityState.NotNull;
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private object? BindObject(YamlNode node, Type type)
    {
        if (node is YamlScalarNode && type.GetCustomAttribute<ScalarShorthandAttribute>() is { } shorthand)
        {
            return BindShorthand(node, type, shorthand);
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"expected a mapping of keys ({string.Join(", ", KeysOf(type).Keys)}), found {Kind(node)}");
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        _root ??= instance;
        _map.Record(instance, string.Empty, At(node.Start));
        var properties = KeysOf(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, "a key must be plain text");
                continue;
            }

            if (IsMergeKey(keyNode))
            {
                continue;
            }

            if (!properties.TryGetValue(key, out var property))
            {
                Error(keyNode, $"unknown key '{key}' in {Describe(type)}{Suggestions.DidYouMean(key, properties.Keys)} (valid keys: {string.Join(", ", properties.Keys)})");
                suggested.UnionWith(Suggestions.Nearest(key, properties.Keys));
                continue;
            }

            seen.Add(key);
            BindProperty(instance, key, property, valueNode);
        }

        CheckMissingKeys(node, type, instance, properties, seen, suggested);
        return instance;
    }

    /// <summary>A document written as its scalar shorthand (<c>like: A/RES/68/262</c>): the one property it stands for set.</summary>
    private object BindShorthand(YamlNode node, Type type, ScalarShorthandAttribute shorthand)
    {
        var shortInstance = Activator.CreateInstance(type)!;
        var target = type.GetProperty(shorthand.Property)!;
        _map.Record(shortInstance, string.Empty, At(node.Start));
        _map.Record(shortInstance, SnakeCase.From(target.Name), At(node.Start));
        var scalar = BindScalar(node, Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType);
        if (scalar is not null)
        {
            target.SetValue(shortInstance, scalar);
        }

        return shortInstance;
    }

    /// <summary>Binds one key's value onto <paramref name="instance"/>; an empty required value or an error in it loses the key.</summary>
    private void BindProperty(object instance, string key, PropertyInfo property, YamlNode valueNode)
    {
        _map.Record(instance, key, At(valueNode.Start));
        if (IsNull(valueNode) && !property.PropertyType.IsValueType && !IsNullable(property))
        {
            // An empty value where the checks and the engine need one ('name:' with nothing after it).
            Error(valueNode, $"'{key}' needs a value: {Describe(property.PropertyType)}");
            Lost(instance, key);
            return;
        }

        int before = _diagnostics.Count;
        var value = Bind(valueNode, property.PropertyType);
        if (value is not null)
        {
            property.SetValue(instance, value);
            if (!value.GetType().IsValueType && value is not string)
            {
                _map.RecordParent(value, instance);
            }
        }

        if (_diagnostics.Count > before)
        {
            Lost(instance, key);
        }
    }

    /// <summary>Reports each required key that is missing (unless a misspelt key was reported for it) and loses it.</summary>
    private void CheckMissingKeys(YamlNode node, Type type, object instance, IReadOnlyDictionary<string, PropertyInfo> properties, HashSet<string> seen, HashSet<string> suggested)
    {
        foreach (var (key, property) in properties)
        {
            // A misspelt required key is reported once, as the unknown key with its suggestion.
            if (!seen.Contains(key) && !suggested.Contains(key) && property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            {
                Error(node, $"missing required key '{key}' in {Describe(type)}");
                Lost(instance, key);
            }
            else if (!seen.Contains(key) && suggested.Contains(key))
            {
                // A misspelt key: the value meant for it is missing, and checks of the rest would say so again.
                Lost(instance, key);
            }
        }
    }

    private Array? BindArray(YamlNode node, Type elementType)
    {
        if (node is YamlMappingNode && elementType.IsClass && elementType != typeof(string))
        {
            // A list of one mapping may be written as the mapping itself: `after: { vote: x, if: vetoed }`.
            var single = Array.CreateInstance(elementType, 1);
            _map.Record(single, "0", At(node.Start));
            var value = Bind(node, elementType);
            if (value is null)
            {
                return null;
            }

            single.SetValue(value, 0);
            return single;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"expected a list of {Describe(elementType)} (for example [a, b]), found {Kind(node)}");
            return null;
        }

        var array = Array.CreateInstance(elementType, sequence.Children.Count);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            _map.Record(array, i.ToString(CultureInfo.InvariantCulture), At(item.Start));
            if (IsNull(item) && !elementType.IsValueType)
            {
                Error(item, $"a list item needs a value: {Describe(elementType)}");
                continue;
            }

            var value = Bind(item, elementType);
            if (value is not null)
            {
                array.SetValue(value, i);
            }
        }

        return array;
    }

    private IDictionary? BindDictionary(YamlNode node, Type type)
    {
        var valueType = type.GetGenericArguments()[1];
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"expected a mapping from names to {Describe(valueType)}, found {Kind(node)}");
            return null;
        }

        var dictionary = (IDictionary)Activator.CreateInstance(type)!;
        _map.Record(dictionary, string.Empty, At(node.Start));
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, "a key must be plain text");
                continue;
            }

            if (IsMergeKey(keyNode))
            {
                continue;
            }

            if (dictionary.Contains(key))
            {
                Error(keyNode, $"duplicate key '{key}'; each key may appear once");
                continue;
            }

            _map.Record(dictionary, key, At(keyNode.Start));
            if (IsNull(valueNode) && !valueType.IsValueType)
            {
                Error(valueNode, $"'{key}' needs a value: {Describe(valueType)}");
                continue;
            }

            var value = Bind(valueNode, valueType);
            if (value is not null)
            {
                dictionary[key] = value;
            }
        }

        return dictionary;
    }

    private object? BindScalar(YamlNode node, Type type)
    {
        if (node is not YamlScalarNode { Value: { } text } scalar)
        {
            Error(node, $"expected {Describe(type)}, found {Kind(node)}");
            return null;
        }

        bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (type == typeof(string))
        {
            return text;
        }

        if (type.IsEnum)
        {
            foreach (var name in Enum.GetNames(type))
            {
                var aliases = type.GetField(name)!.GetCustomAttribute<AlsoReadAsAttribute>()?.Names ?? [];
                if (string.Equals(SnakeCase.From(name), text, StringComparison.OrdinalIgnoreCase)
                    || aliases.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    return Enum.Parse(type, name);
                }
            }

            var valid = Enum.GetNames(type).Select(SnakeCase.From).ToArray();
            Error(node, $"'{text}' is not a valid value{Suggestions.DidYouMean(text, valid)} (one of: {string.Join(", ", valid)})");
            return null;
        }

        object? parsed = quoted ? null : type switch
        {
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => ParseLong(text),
            _ when type == typeof(ulong) => ulong.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null,
            _ when type == typeof(bool) => text switch { "true" or "True" or "TRUE" => true, "false" or "False" or "FALSE" => false, _ => null },
            _ when type == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            _ => throw new NotSupportedException($"The scenario binder does not support {type}."),
        };
        if (parsed is null)
        {
            bool infinite = type == typeof(double) && !quoted
                && double.TryParse(text.Replace(".inf", "Infinity", StringComparison.OrdinalIgnoreCase).Replace(".nan", "NaN", StringComparison.OrdinalIgnoreCase), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            Error(node, infinite
                ? $"expected a finite number, found '{text}' (infinite, not a number, or beyond about 1.8e308)"
                : quoted
                    ? $"expected {Describe(type)}, found the quoted text '{text}' (remove the quotes)"
                    : $"expected {Describe(type)}, found '{text}'");
        }

        return parsed;
    }

    private static long? ParseLong(string text) =>
        long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Reports a YAML merge key ('&lt;&lt;'), which YamlDotNet's node tree keeps as a plain key: it would otherwise be
    /// an unknown key or member whose message does not say why, and its value may be a path someone hoped to include.
    /// </summary>
    private bool IsMergeKey(YamlNode keyNode)
    {
        if (keyNode is not YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain })
        {
            return false;
        }

        Error(keyNode, "YAML merge keys ('<<') are not supported: write the keys out (an alias '*name' may repeat a whole value marked '&name'); a scenario is one self-contained file");
        return true;
    }

    /// <summary>
    /// Records a value lost in binding: checks of its object would repeat the error in other words, so the object is
    /// marked incomplete, except the document's top level, where only that key is.
    /// </summary>
    private void Lost(object instance, string key)
    {
        _map.MarkLost(instance, key);
        if (!ReferenceEquals(instance, _root))
        {
            _map.MarkIncomplete(instance);
        }
    }

    private void Error(YamlNode node, string message) => _diagnostics.Add(new ScenarioDiagnostic(At(node.Start), message));

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };

    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(ulong) => "a whole number >= 0",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(DateOnly) => "a date YYYY-MM-DD",
            _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type).Select(SnakeCase.From))}",
            _ when type.IsArray => $"a list of {Describe(type.GetElementType()!)}",
            _ when type.Name == "ScenarioDocument" => "the scenario's top level",
            _ => $"'{SnakeCase.From(type.Name.Replace("Document", string.Empty, StringComparison.Ordinal))}'",
        };
    }

    /// <summary>The YAML keys of a document class, in declaration order.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> KeysOf(Type type)
    {
        var keys = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            keys[SnakeCase.From(property.Name)] = property;
        }

        return keys;
    }
}
