namespace StemSimulator.Tests.Support;

/// <summary>
/// Golden files: what the user sees, committed under tests/Golden and compared line by line. To accept a change on
/// purpose, regenerate them (see tests/Golden/README.md): <c>STEMSIM_UPDATE_GOLDEN=1 dotnet test --filter Golden</c>,
/// then review the diff with git.
/// </summary>
internal static class Golden
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("STEMSIM_UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string name, string actual)
    {
        string path = Path.Combine(Folder, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            Assert.Warn($"Golden file {name} rewritten; review it with git diff.");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"Golden file tests/Golden/{name} is missing; create it with STEMSIM_UPDATE_GOLDEN=1 dotnet test --filter Golden");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail($"""
            Output differs from tests/Golden/{name} at line {line + 1}:
              expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}
              actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}
            If the change is intended, regenerate with STEMSIM_UPDATE_GOLDEN=1 dotnet test --filter Golden and review the diff.
            """);
    }
}
