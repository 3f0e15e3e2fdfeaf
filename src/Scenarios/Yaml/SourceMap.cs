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
}
