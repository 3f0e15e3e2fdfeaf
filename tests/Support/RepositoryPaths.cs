namespace StemSimulator.Tests.Support;

/// <summary>Finds the repository (the folder holding StemSimulator.sln) and the shared data beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    /// <summary>../shared/data/un relative to the repository, as CI lays it out.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "un"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StemSimulator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("StemSimulator.sln not found above " + AppContext.BaseDirectory);
    }
}
