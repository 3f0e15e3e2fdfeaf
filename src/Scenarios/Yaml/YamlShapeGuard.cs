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
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<Frame>();
        long total = 0;
        bool aliased = false;
        var lastGood = new Mark();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastGood = current.End;
                switch (current)
                {
                    case SequenceStart or MappingStart:
                        if (ComplexKey(open, current) is { } keyProblem)
                        {
                            return keyProblem;
                        }

                        if (open.Count >= MaxDepth)
                        {
                            return At(current.Start, $"the lists and mappings nest more than {MaxDepth} levels deep here; a scenario needs far fewer (is a bracket left open?)");
                        }

                        open.Push(new Frame(current is MappingStart, ((NodeEvent)current).Anchor.IsEmpty ? null : ((NodeEvent)current).Anchor.Value));
                        break;
                    case SequenceEnd or MappingEnd:
                        var closed = open.Pop();
                        long size = closed.Size + 1;
                        if (closed.Anchor is { } name)
                        {
                            anchors[name] = size;
                        }

                        if (Add(open, size, ref total))
                        {
                            return TooLarge(current.Start);
                        }

                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }

                        if (Add(open, 1, ref total))
                        {
                            return TooLarge(current.Start);
                        }

                        break;
                    case AnchorAlias alias:
                        aliased = true;
                        if (!anchors.TryGetValue(alias.Value.Value, out long expanded))
                        {
                            // YamlDotNet would report this at the top of the file; the alias's own place is more useful.
                            return At(current.Start, $"unknown alias '*{alias.Value.Value}': no '&{alias.Value.Value}' marks a value earlier in the file{Suggestions.DidYouMean(alias.Value.Value, anchors.Keys)}");
                        }

                        if (expanded > 1 && ComplexKey(open, current) is { } aliasProblem)
                        {
                            return aliasProblem;
                        }

                        if (Add(open, expanded, ref total))
                        {
                            return TooLarge(current.Start);
                        }

                        break;
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
            return At(lastGood, "YAML syntax: the text after this point cannot be read; check the brackets, quotes and ': ' here");
        }

        return null;

        // Only a document that uses aliases is told about them: a file that is simply huge is told it is huge.
        ScenarioDiagnostic TooLarge(Mark mark) => At(mark, aliased
            ? string.Create(CultureInfo.InvariantCulture, $"the document expands to more than {MaxExpandedNodes:N0} values (YAML aliases '*name' repeat what '&name' marks); a scenario is far smaller")
            : string.Create(CultureInfo.InvariantCulture, $"the document holds more than {MaxExpandedNodes:N0} values; a scenario is far smaller"));

        ScenarioDiagnostic At(Mark mark, string message) =>
            new(new SourceLocation(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column)), message);

        ScenarioDiagnostic? ComplexKey(Stack<Frame> frames, ParsingEvent e) =>
            frames.TryPeek(out var parent) && parent.IsMapping && parent.Children % 2 == 0
                ? At(e.Start, "a key must be plain text, not a list or mapping")
                : null;
    }

    /// <summary>Counts a finished child into its parent; true when the document has grown past the limit.</summary>
    private static bool Add(Stack<Frame> open, long size, ref long total)
    {
        if (open.TryPop(out var parent))
        {
            open.Push(parent with { Size = parent.Size + size, Children = parent.Children + 1 });
        }

        total = open.Count == 0 ? total + size : total;
        long pending = open.Sum(f => f.Size);
        return total + pending > MaxExpandedNodes || size > MaxExpandedNodes;
    }

    /// <summary>An open list or mapping: its expanded size so far and how many children (keys and values) it has.</summary>
    private readonly record struct Frame(bool IsMapping, string? Anchor, long Size = 0, int Children = 0);
}
