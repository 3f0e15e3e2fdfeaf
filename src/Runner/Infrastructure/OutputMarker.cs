using System.Buffers;
using System.Text.Json;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// The file <c>.stemsim-output.json</c> in every folder stemsim writes (run, merge, backtest, drift-backtest,
/// veto-record): the command, the version and the list of files stemsim put there. <c>--force</c> replaces only a
/// folder that has it, and only when the folder holds nothing else; <c>stemsim report</c> adds the briefing it
/// writes into a run folder, so that counts as stemsim's too.
/// </summary>
internal static class OutputMarker
{
    /// <summary>The marker's file name, in the output folder itself.</summary>
    public const string FileName = ".stemsim-output.json";

    /// <summary>Writes the marker into <paramref name="folder"/> listing every file there now (paths relative, '/').</summary>
    public static void Write(string folder, string command)
    {
        var files = Walk(folder).Where(f => f != FileName).Order(StringComparer.Ordinal).ToArray();
        WriteMarker(folder, command, Provenance.EngineVersion, files);
    }

    /// <summary>
    /// The files a stemsim output folder lists as its own, or null when <paramref name="folder"/> has no readable
    /// marker (then it is not known to be stemsim's).
    /// </summary>
    public static IReadOnlySet<string>? ReadFiles(string folder) => Read(folder)?.Files.ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The files and folders in <paramref name="folder"/> that its marker does not list (relative paths; a folder
    /// that holds only unlisted files is named once, ending in '/'), or null when there is no marker.
    /// </summary>
    public static IReadOnlyList<string>? ForeignFiles(string folder)
    {
        var own = ReadFiles(folder);
        if (own is null)
        {
            return null;
        }

        var foreign = new List<string>();
        Collect(folder, string.Empty, own, foreign);
        return foreign;
    }

    /// <summary>
    /// Adds <paramref name="files"/> (names relative to <paramref name="folder"/>) to its marker, if it has one:
    /// called by <c>stemsim report</c> after writing the briefing into a run folder. Best effort.
    /// </summary>
    public static void Record(string folder, IEnumerable<string> files)
    {
        if (Read(folder) is not { } marker)
        {
            return;
        }

        var all = marker.Files.Concat(files).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        try
        {
            WriteMarker(folder, marker.Command ?? "run", marker.Version ?? Provenance.EngineVersion, all);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The briefing is written; a later --force then names it as a file stemsim did not write, which is safe.
        }
    }

    /// <summary>What a marker says: the command and version that wrote the folder (null when absent) and its files.</summary>
    internal sealed record Contents(string? Command, string? Version, IReadOnlyList<string> Files);

    private static Contents? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (Scenarios.Files.FileKinds.Of(path, followLinks: false) != Scenarios.Files.FileKind.Regular)
        {
            return null;
        }

        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The marker in <paramref name="json"/>: one JSON object whose <c>files</c> is an array of strings (other
    /// properties are read if they are strings, skipped otherwise); null when it is anything else, so that a marker
    /// that was edited into another shape makes the folder not known to be stemsim's.
    /// </summary>
    /// <exception cref="JsonException"><paramref name="json"/> is not valid JSON.</exception>
    internal static Contents? Parse(ReadOnlySpan<byte> json)
    {
        // The low-level reader, not the document model: loading the model's types is a measurable part of a short run
        // that replaces its folder (bench/README.md, "Cold start, seventh round").
        var reader = new Utf8JsonReader(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? command = null;
        string? version = null;
        List<string>? files = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "command" when reader.TokenType == JsonTokenType.String:
                    command = reader.GetString();
                    break;
                case "version" when reader.TokenType == JsonTokenType.String:
                    version = reader.GetString();
                    break;
                case "files":
                    files = StringArray(ref reader);
                    if (files is null)
                    {
                        return null;
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // The object ends, and nothing but white space follows it (the reader throws on anything else).
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read() && files is not null
            ? new Contents(command, version, files)
            : null;
    }

    /// <summary>A byte-order mark, which an editor may have put before the JSON (the reader does not skip it).</summary>
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The array of strings at the reader's position, or null when it is not one.</summary>
    private static List<string>? StringArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var strings = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            strings.Add(reader.GetString()!);
        }

        return reader.TokenType == JsonTokenType.EndArray ? strings : null;
    }

    /// <summary>The marker's bytes: an indented JSON object with the command, the version and the files, and a final newline.</summary>
    internal static byte[] Render(string command, string version, IReadOnlyList<string> files)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            writer.WriteString("version", version);
            writer.WriteStartArray("files");
            foreach (string file in files)
            {
                writer.WriteStringValue(file);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static void WriteMarker(string folder, string command, string version, IReadOnlyList<string> files)
    {
        string path = Path.Combine(folder, FileName);
        string temporary = path + ".tmp";
        File.WriteAllBytes(temporary, Render(command, version, files));
        File.Move(temporary, path, overwrite: true);
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (entry is FileInfo)
            {
                yield return Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            }
        }
    }

    /// <summary>Adds the unlisted entries under <paramref name="relative"/>; true when everything there is listed.</summary>
    private static bool Collect(string root, string relative, IReadOnlySet<string> own, List<string> foreign)
    {
        bool allOwn = true;
        var found = new List<string>();
        foreach (var entry in new DirectoryInfo(Path.Combine(root, relative)).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            string name = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                var inner = new List<string>();
                if (Collect(root, name, own, inner))
                {
                    continue;
                }

                allOwn = false;
                bool anyOwn = own.Any(f => f.StartsWith(name + "/", StringComparison.Ordinal));
                found.AddRange(anyOwn ? inner : [name + "/"]);
            }
            else if (name != FileName && !own.Contains(name))
            {
                allOwn = false;
                found.Add(name);
            }
        }

        foreign.AddRange(found);
        return allOwn;
    }
}
