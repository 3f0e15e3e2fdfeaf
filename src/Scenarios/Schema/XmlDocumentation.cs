using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Schema;

/// <summary>
/// The summaries of a compiler-generated XML documentation file, as plain text: <c>&lt;c&gt;x&lt;/c&gt;</c> becomes x,
/// a reference to a document property becomes its YAML key, whitespace is collapsed.
/// </summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>No documentation: schemas without descriptions.</summary>
    public static XmlDocumentation Empty { get; } = new([]);

    /// <summary>Reads a documentation file's text.</summary>
    public static XmlDocumentation Parse(string xml)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Parse(xml).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
            {
                summaries[name] = Text(summary);
            }
        }

        return new XmlDocumentation(summaries);
    }

    internal string? Type(Type type) => _summaries.GetValueOrDefault($"T:{type.FullName}");

    internal string? Property(PropertyInfo property) => _summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");

    internal string? Field(Type type, string name) => _summaries.GetValueOrDefault($"F:{type.FullName}.{name}");

    private static string Text(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    string target = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Value;
                    // P:StemSimulator.Scenarios.Document.VoteDocument.Discrimination -> discrimination
                    text.Append(see.Attribute("cref") is null ? target : SnakeCase.From(target[(target.LastIndexOf('.') + 1)..].Replace("Document", string.Empty, StringComparison.Ordinal)));
                    break;
                case XElement e:
                    text.Append(Text(e));
                    break;
            }
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
