using System.Text.Json;
using System.Text.Json.Nodes;

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
    public static IReadOnlySet<string>? ReadFiles(string folder)
    {
        var marker = Read(folder);
        if (marker?["files"] is not JsonArray files)
        {
            return null;
        }

        return files.Select(f => f?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

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
        var marker = Read(folder);
        if (marker?["files"] is not JsonArray list)
        {
            return;
        }

        var all = list.Select(f => f?.GetValue<string>()).OfType<string>().Concat(files).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        try
        {
            WriteMarker(folder, marker["command"]?.GetValue<string>() ?? "run", marker["version"]?.GetValue<string>() ?? Provenance.EngineVersion, all);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The briefing is written; a later --force then names it as a file stemsim did not write, which is safe.
        }
    }

    private static JsonNode? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (Scenarios.Files.FileKinds.Of(path, followLinks: false) != Scenarios.Files.FileKind.Regular)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void WriteMarker(string folder, string command, string version, IReadOnlyList<string> files)
    {
        var json = new JsonObject
        {
            ["command"] = command,
            ["version"] = version,
            ["files"] = new JsonArray(files.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        };
        string path = Path.Combine(folder, FileName);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
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
