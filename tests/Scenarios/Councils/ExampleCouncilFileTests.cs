using StemSimulator.Scenarios.Councils;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios.Councils;

/// <summary>The example council files in councils/ load without errors.</summary>
public sealed class ExampleCouncilFileTests
{
    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "councils"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order();

    [TestCaseSource(nameof(Files))]
    public void Example_council_file_loads(string file)
    {
        var result = CouncilLoader.LoadFile(Path.Combine(RepositoryPaths.Root, "councils", file));

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(result.Council!.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)));
    }
}
