using System.Runtime.CompilerServices;
using StemSimulator.Scenarios.Diagnostics;

namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// Remembers where in the file each bound object, property value and dictionary key came from, so that checks
/// made after binding (unknown member codes, cut-points out of order) can still name the line and column.
/// </summary>
public sealed class SourceMap
{
    private readonly ConditionalWeakTable<object, Dictionary<string, SourceLocation>> _locations = new();
    private readonly ConditionalWeakTable<object, object> _parents = new();
    private readonly ConditionalWeakTable<object, object> _incomplete = new();
    private readonly ConditionalWeakTable<object, HashSet<string>> _lostKeys = new();

    /// <summary>Creates an empty map for <paramref name="file"/>.</summary>
    public SourceMap(string file) => File = file;

    /// <summary>The file the map describes.</summary>
    public string File { get; }

    /// <summary>Records where <paramref name="member"/> of <paramref name="owner"/> is ("" for the owner itself).</summary>
    internal void Record(object owner, string member, SourceLocation location) =>
        _locations.GetOrCreateValue(owner)[member] = location;

    /// <summary>
    /// Where the value of <paramref name="member"/> (a snake_case key or a dictionary key) of <paramref name="owner"/>
    /// was written; falls back to the owner's own place, then to the top of the file.
    /// </summary>
    public SourceLocation Locate(object owner, string member = "")
    {
        if (_locations.TryGetValue(owner, out var members))
        {
            if (members.TryGetValue(member, out var location) || members.TryGetValue(string.Empty, out location))
            {
                return location;
            }
        }

        return new SourceLocation(File, 1, 1);
    }

    /// <summary>Records that <paramref name="child"/> was bound as a value inside <paramref name="parent"/>.</summary>
    internal void RecordParent(object child, object parent) => _parents.AddOrUpdate(child, parent);

    /// <summary>Records that a value of <paramref name="owner"/> failed to bind or a required key is missing.</summary>
    internal void MarkIncomplete(object owner) => _incomplete.AddOrUpdate(owner, owner);

    /// <summary>
    /// Records that the value of <paramref name="key"/> of <paramref name="owner"/> was lost in binding (a wrong type,
    /// a misspelt key); for the document's top level, whose keys are independent settings, only that key is lost.
    /// </summary>
    internal void MarkLost(object owner, string key) => _lostKeys.GetOrCreateValue(owner).Add(key);

    /// <summary>Whether the value of <paramref name="key"/> of <paramref name="owner"/> was lost in binding.</summary>
    public bool IsLost(object owner, string key) => _lostKeys.TryGetValue(owner, out var keys) && keys.Contains(key);

    /// <summary>
    /// Whether what is said about <paramref name="owner"/> may rest on a value that failed to bind: the owner itself
    /// lost a value, or it is a plain list or map (of codes, numbers) inside one that did. Checks of such an owner
    /// would repeat the binding error in other words (a missing region read as the first group, a list read as no
    /// value), so they are not reported.
    /// </summary>
    public bool IsIncomplete(object owner) =>
        _incomplete.TryGetValue(owner, out _)
        || (IsPlainCollection(owner) && _parents.TryGetValue(owner, out var parent) && _incomplete.TryGetValue(parent, out _));

    /// <summary>A list or map whose values are scalars (codes, numbers, names), not objects with checks of their own.</summary>
    private static bool IsPlainCollection(object value)
    {
        var type = value.GetType();
        var element = type.IsArray ? type.GetElementType()
            : value is System.Collections.ICollection && type.IsGenericType ? type.GetGenericArguments()[^1]
            : null;
        if (element is null)
        {
            return false;
        }

        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsPrimitive || element.IsEnum || element == typeof(string) || element == typeof(decimal) || element == typeof(DateOnly);
    }
}
