namespace StemSimulator.Tests.Support;

/// <summary>Test data committed with the tests.</summary>
internal static class Fixtures
{
    /// <summary>
    /// A small real subset of ../shared/data/un in the same layout (tests/Fixtures/un_small, cut by
    /// tools/fixtures/make_calibration_fixture.py): 20 roll calls of each session 72-74 with their votes, and 12
    /// UN Digital Library resolutions of 2020.
    /// </summary>
    public static string UnSmall => Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "un_small");

    /// <summary>
    /// The UN Digital Library's official voting layouts written from real rows of ../shared/data/un by
    /// tools/fixtures/make_official_fixtures.py: the 12 Assembly resolutions of <see cref="UnSmall"/> in three
    /// layouts, 10 Security Council resolutions of December 2021, and those SC rows of the shared files in sources/.
    /// </summary>
    public static string UndlOfficial => Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "undl_official");

    /// <summary>Copies the small UN fixture into <paramref name="folder"/> so a test may alter it.</summary>
    public static string CopyUnSmall(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(UnSmall, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(UnSmall, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}
