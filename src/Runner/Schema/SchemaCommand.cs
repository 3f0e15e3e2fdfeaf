using System.CommandLine;
using Spectre.Console;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios.Schema;

namespace StemSimulator.Runner.Schema;

/// <summary>The <c>stemsim schema</c> command: the JSON Schema of scenario files.</summary>
internal sealed class SchemaCommand(ConsoleStreams console)
{
    /// <summary>The Scenarios assembly's XML documentation, embedded at build time (see the project file).</summary>
    private const string DocumentationResource = "StemSimulator.Scenarios.xml";

    public Command Build()
    {
        var output = new Option<string?>("--out", "-o") { Description = "Write the schema to this file instead of standard output." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "With --out: print nothing but errors." };
        var command = new Command("schema", """
            Print the JSON Schema of scenario files (keys, types, allowed values, required keys and descriptions),
            generated from the scenario language itself. The repository keeps it as scenarios/scenario.schema.json;
            a scenario that starts with '# yaml-language-server: $schema=scenario.schema.json' gets completion and
            checks in editors with the YAML language server.

            Examples:
              stemsim schema
              stemsim schema --out scenarios/scenario.schema.json
            """)
        {
            output, quiet,
        };
        command.SetAction(parse => Write(parse.GetValue(output), parse.GetValue(quiet)));
        return command;
    }

    /// <summary>The schema text (also used by the test that keeps the committed schema current).</summary>
    public static string Generate() => ScenarioSchema.Generate(Documentation());

    private int Write(string? output, bool quiet)
    {
        string schema = Generate();
        if (output is null)
        {
            console.Out.Profile.Out.Writer.Write(schema);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(output, schema);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write {output}: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        if (!quiet)
        {
            console.Out.MarkupLine($"Wrote {Markup.Escape(output)}");
        }

        return ExitCodes.Success;
    }

    private static XmlDocumentation Documentation()
    {
        using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream(DocumentationResource)
            ?? throw new InvalidOperationException($"The resource {DocumentationResource} is missing (a build defect).");
        using var reader = new StreamReader(stream);
        return XmlDocumentation.Parse(reader.ReadToEnd());
    }
}
