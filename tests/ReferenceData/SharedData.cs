using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

/// <summary>Locates and reads the read-only shared UN data (../shared/data/un relative to the repository root).</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> LazyRoot = new(FindUnDataDirectory);

    /// <summary>Absolute path of ../shared/data/un, or null when the shared data are not present.</summary>
    public static string? UnDataDirectory => LazyRoot.Value;

    /// <summary>Skips the calling test when the shared data are not checked out next to the repository.</summary>
    public static string RequireUnDataDirectory()
    {
        var dir = UnDataDirectory;
        if (dir is null)
        {
            Assert.Ignore("../shared/data/un was not found next to the repository root (the folder holding StemSimulator.sln).");
        }

        return dir!;
    }

    /// <summary>Reads a CSV under ../shared/data/un into header-keyed rows.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string relativePath, System.Text.Encoding? encoding = null)
    {
        var path = Path.Combine(RequireUnDataDirectory(), relativePath);
        using var reader = new StreamReader(path, encoding ?? System.Text.Encoding.UTF8);
        var records = ReferenceCatalog.ParseCsv(reader, path);
        var header = records[0].Fields;
        return records.Skip(1)
            .Select(r => (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: r.Fields[i]))
                .ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>Reads an embedded reference CSV of the Scenarios assembly as raw records (header first).</summary>
    public static IReadOnlyList<string[]> ReadEmbedded(string fileName)
    {
        var name = "StemSimulator.Scenarios.ReferenceData." + fileName;
        using var stream = typeof(ReferenceCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} not found");
        using var reader = new StreamReader(stream);
        return ReferenceCatalog.ParseCsv(reader, name).Select(r => r.Fields).ToList();
    }

    private static string? FindUnDataDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StemSimulator.sln")))
            {
                var un = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "un"));
                return Directory.Exists(un) ? un : null;
            }
        }

        return null;
    }
}
