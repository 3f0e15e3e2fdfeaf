namespace StemSimulator.Scenarios.Yaml;

/// <summary>
/// Turns YamlDotNet's syntax messages, written for parser authors ("While scanning a plain scalar value, found invalid
/// mapping."), into what a scenario's author should do; unknown messages pass through unchanged.
/// </summary>
internal static class YamlSyntaxMessages
{
    private static readonly (string Contains, string Hint)[] Hints =
    [
        ("found invalid mapping", "a ':' followed by a space starts a new key here; put a value holding ': ' in quotes, or check the indentation"),
        ("tab character", "tabs may not indent YAML; indent with spaces"),
        ("did not find expected node content", "a value is missing here (is a '[' or '{' left open, or a '- ' with nothing after it?)"),
        ("did not find expected ',' or ']'", "a list in [ ] is not closed, or two items lack the ',' between them"),
        ("did not find expected ',' or '}'", "a mapping in { } is not closed, or two entries lack the ',' between them"),
        ("did not find expected key", "the indentation does not match the lines above: keys of one mapping start in the same column"),
        ("did not find expected '-' indicator", "the indentation does not match the lines above: items of one list start in the same column"),
        ("double-quoted scalar", "a text in double quotes is not closed"),
        ("single-quoted scalar", "a text in single quotes is not closed"),
        ("mapping values are not allowed", "a ':' followed by a space is not allowed here; put the value in quotes, or check the indentation"),
    ];

    /// <summary>The message to show for a YamlDotNet syntax error.</summary>
    public static string Explain(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the diagnostic has its own place.
        int at = message.LastIndexOf("): ", StringComparison.Ordinal);
        string clean = at >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(at + 3)..] : message;
        if (clean.StartsWith("Duplicate key ", StringComparison.Ordinal))
        {
            return $"duplicate key '{clean["Duplicate key ".Length..]}'; each key may appear once in a mapping";
        }

        foreach (var (contains, hint) in Hints)
        {
            if (clean.Contains(contains, StringComparison.OrdinalIgnoreCase))
            {
                return $"{hint} (YAML: {clean.TrimEnd('.')})";
            }
        }

        return clean;
    }
}
