using System.Globalization;
using StemSimulator.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// Walks a scenario's YAML event stream once, before YamlDotNet builds its node tree, and refuses shapes that would
/// exhaust the machine: nesting deep enough to overflow the stack, aliases that expand to millions of values
/// ("billion laughs"), and collections used as mapping keys.
/// </summary>
/// <remarks>
/// YamlDotNet's parser is a state machine, but its node tree (<c>YamlStream.Load</c>) is built recursively, so a
/// file of 100,000 '[' crashes the process with a stack overflow that no catch can stop. Its mappings also hash their
/// keys structurally, so aliased collections used as keys take time exponential in the number of anchors. The node
/// tree itself shares aliased nodes (it never copies them), so expansion is only a danger to whoever walks the tree:
/// this guard measures the expanded size up front, and the binder counts again as it walks.
/// </remarks>
internal static class YamlShapeGuard
{
    /// <summary>Deepest nesting of lists and mappings accepted (a real scenario needs about 8).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values (scalars and collections, aliases counted each time they are used) a document may expand to.</summary>
    public const int MaxExpandedNodes = YamlBinder.MaxNodes;

    /// <summary>Returns null when the shape is acceptable, else the one diagnostic that stops loading.</summary>
    public static ScenarioDiagnostic? Check(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var walk = new Walk(file);
        var lastGood = new Mark();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastGood = current.End;
                if (walk.Visit(current) is { } problem)
                {
                    return problem;
                }
            }
        }
        catch (YamlException)
        {
            // Syntax errors are reported by the full load, which names them in the same words as before.
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException)
        {
            // YamlDotNet 18 throws these instead of a YamlException on a few malformed inputs (found by fuzzing,
            // e.g. '{ key[: 1 }'); the last event read tells roughly where.
            return walk.At(lastGood, "YAML syntax: the text after this point cannot be read; check the brackets, quotes and ': ' here");
        }

        return null;
    }

    /// <summary>The state of one pass over the events: the open collections, the anchors' sizes and the total so far.</summary>
    private sealed class Walk(string file)
    {
        private readonly Dictionary<string, long> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _open = new();
        private long _total;
        private long _pending;
        private bool _aliased;

        /// <summary>Takes one event; returns the diagnostic that stops loading, if this event breaks a limit.</summary>
        public ScenarioDiagnostic? Visit(ParsingEvent current) => current switch
        {
            SequenceStart or MappingStart => Open((NodeEvent)current),
            SequenceEnd or MappingEnd => Close(current),
            Scalar scalar => Value(scalar),
            AnchorAlias alias => Alias(alias),
            _ => null,
        };

        public ScenarioDiagnostic At(Mark mark, string message) =>
            new(new SourceLocation(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column)), message);

        private ScenarioDiagnostic? Open(NodeEvent current)
        {
            if (ComplexKey(current) is { } keyProblem)
            {
                return keyProblem;
            }

            if (_open.Count >= MaxDepth)
            {
                return At(current.Start, $"the lists and mappings nest more than {MaxDepth} levels deep here; a scenario needs far fewer (is a bracket left open?)");
            }

            _open.Push(new Frame(current is MappingStart, current.Anchor.IsEmpty ? null : current.Anchor.Value));
            return null;
        }

        private ScenarioDiagnostic? Close(ParsingEvent current)
        {
            var closed = _open.Pop();
            _pending -= closed.Size;
            long size = closed.Size + 1;
            if (closed.Anchor is { } name)
            {
                _anchors[name] = size;
            }

            return Add(size) ? TooLarge(current.Start) : null;
        }

        private ScenarioDiagnostic? Value(Scalar scalar)
        {
            if (!scalar.Anchor.IsEmpty)
            {
                _anchors[scalar.Anchor.Value] = 1;
            }

            return Add(1) ? TooLarge(scalar.Start) : null;
        }

        private ScenarioDiagnostic? Alias(AnchorAlias alias)
        {
            _aliased = true;
            if (!_anchors.TryGetValue(alias.Value.Value, out long expanded))
            {
                // YamlDotNet would report this at the top of the file; the alias's own place is more useful.
                return At(alias.Start, $"unknown alias '*{alias.Value.Value}': no '&{alias.Value.Value}' marks a value earlier in the file{Suggestions.DidYouMean(alias.Value.Value, _anchors.Keys)}");
            }

            if (expanded > 1 && ComplexKey(alias) is { } aliasProblem)
            {
                return aliasProblem;
            }

            return Add(expanded) ? TooLarge(alias.Start) : null;
        }

        // Only a document that uses aliases is told about them: a file that is simply huge is told it is huge.
        private ScenarioDiagnostic TooLarge(Mark mark) => At(mark, _aliased
            ? string.Create(CultureInfo.InvariantCulture, $"the document expands to more than {MaxExpandedNodes:N0} values (YAML aliases '*name' repeat what '&name' marks); a scenario is far smaller")
            : string.Create(CultureInfo.InvariantCulture, $"the document holds more than {MaxExpandedNodes:N0} values; a scenario is far smaller"));

        private ScenarioDiagnostic? ComplexKey(ParsingEvent e) =>
            _open.TryPeek(out var parent) && parent.IsMapping && parent.Children % 2 == 0
                ? At(e.Start, "a key must be plain text, not a list or mapping")
                : null;

        /// <summary>Counts a finished child into its parent; true when the document has grown past the limit.</summary>
        private bool Add(long size)
        {
            if (_open.TryPeek(out var parent))
            {
                parent.Size += size;
                parent.Children++;
                _pending += size;
            }
            else
            {
                _total += size;
            }

            return _total + _pending > MaxExpandedNodes || size > MaxExpandedNodes;
        }
    }

    /// <summary>
    /// An open list or mapping: its expanded size so far and how many children (keys and values) it has. A class, so that
    /// the stack of them is the framework's shared, precompiled code rather than an instantiation the JIT compiles at start-up.
    /// </summary>
    private sealed class Frame(bool isMapping, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public long Size { get; set; }

        public int Children { get; set; }
    }
}
