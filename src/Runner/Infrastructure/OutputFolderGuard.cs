namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// The folders <c>--force</c> must never replace whatever they hold: the root, the home folder, the current folder
/// and its parents, and any folder that holds an input of the command (its scenario, its shards).
/// </summary>
internal static class OutputFolderGuard
{
    /// <summary>Why <paramref name="target"/> (a full path) may not be replaced, or null when it may be considered.</summary>
    public static string? ProtectedReason(string target, IReadOnlyList<string> inputs)
    {
        string full = Normalize(target);
        if (full == Normalize(Path.GetPathRoot(full) ?? "/"))
        {
            return "it is the root folder";
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && full == Normalize(home))
        {
            return "it is your home folder";
        }

        string current = Normalize(Environment.CurrentDirectory);
        if (full == current)
        {
            return "it is the current folder";
        }

        if (IsInside(current, full))
        {
            return "it holds the current folder";
        }

        foreach (string input in inputs.Where(i => !string.IsNullOrEmpty(i)))
        {
            string path = Normalize(Path.GetFullPath(input));
            if (path == full || IsInside(path, full))
            {
                return $"it holds '{input}', an input of this command";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="path"/> is strictly inside <paramref name="folder"/> (both normalized).</summary>
    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Normalize(string path)
    {
        string full = Path.GetFullPath(path);
        string trimmed = Path.TrimEndingDirectorySeparator(full);
        // Follow a link in the last part, so that '--out link-to-here' is recognised as here.
        try
        {
            if (new DirectoryInfo(trimmed).ResolveLinkTarget(returnFinalTarget: true) is { } resolved)
            {
                return Path.TrimEndingDirectorySeparator(resolved.FullName);
            }
        }
        catch (IOException)
        {
            // A broken link: compare the path as written.
        }

        return trimmed;
    }
}
