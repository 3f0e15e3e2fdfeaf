using StemSimulator.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// Reads the one YAML document of a scenario or council file: the shape guard first (depth, aliases, keys), then
/// YamlDotNet's node tree, with syntax errors explained at their line and column.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>The document's root node, or the one problem that stops reading.</summary>
    /// <param name="file">The file as named in messages.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="kind">"scenario" or "council file", for messages.</param>
    /// <param name="firstKey">The key a file of this kind starts with, for the message about an empty file.</param>
    public static (YamlNode? Root, ScenarioDiagnostic? Problem) Read(string file, string text, string kind, string firstKey)
    {
        if (YamlShapeGuard.Check(file, text) is { } shape)
        {
            return (null, shape);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            string message = e.InnerException?.Message ?? e.Message;
            var location = new SourceLocation(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column));
            return (null, new ScenarioDiagnostic(location, $"YAML syntax: {YamlSyntaxMessages.Explain(message)}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException)
        {
            // The guard read the same events without this; kept so that a parser bug never becomes a stack trace.
            return (null, new ScenarioDiagnostic(new SourceLocation(file, 1, 1), $"YAML syntax: the file cannot be read ({e.Message})"));
        }

        if (stream.Documents.Count != 1)
        {
            return (null, new ScenarioDiagnostic(new SourceLocation(file, 1, 1), stream.Documents.Count == 0
                ? $"the file is empty; a {kind} starts with '{firstKey}: <name>'"
                : $"the file holds several YAML documents (---); a {kind} holds exactly one"));
        }

        return (stream.Documents[0].RootNode, null);
    }
}
