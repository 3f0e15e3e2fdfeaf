using System.Globalization;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// Removes the hidden temporaries (<c>.NAME.tmp-PID</c>, <c>.NAME.tmp-PID.old</c>) that a process killed without a
/// chance to clean up (SIGKILL, a power cut) left beside a target, once that process is gone: the next command
/// writing the same target removes them. A temporary of a process still running is left alone.
/// </summary>
internal static class StaleTemporaries
{
    /// <summary>Removes the stale temporaries of <paramref name="target"/> (a full path); best effort, never throws.</summary>
    public static void Remove(string target)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(target);
        string? parent = Path.GetDirectoryName(trimmed);
        string name = Path.GetFileName(trimmed);
        if (parent is null || name.Length == 0 || !Directory.Exists(parent))
        {
            return;
        }

        string prefix = "." + name + ".tmp-";
        try
        {
            foreach (var entry in new DirectoryInfo(parent).EnumerateFileSystemInfos(prefix + "*", new EnumerationOptions { AttributesToSkip = 0, MatchCasing = MatchCasing.CaseSensitive }))
            {
                string rest = entry.Name[prefix.Length..];
                if (rest.EndsWith(".old", StringComparison.Ordinal))
                {
                    rest = rest[..^4];
                }

                if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId || IsAlive(pid))
                {
                    continue;
                }

                if (entry is DirectoryInfo directory && entry.LinkTarget is null)
                {
                    directory.Delete(true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden temporary is never mistaken for output.
        }
    }

    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
