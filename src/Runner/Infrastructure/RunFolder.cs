using System.Globalization;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// A run's output folder, written whole or not at all: files go into a hidden temporary folder beside the target,
/// which is renamed to the target only when everything is written. An existing target is replaced only when asked.
/// </summary>
internal sealed class RunFolder : IDisposable
{
    private bool _committed;

    private RunFolder(string target, string temporary, bool replace)
    {
        Target = target;
        Temporary = temporary;
        Replace = replace;
    }

    /// <summary>The folder the run will appear as.</summary>
    public string Target { get; }

    /// <summary>Where files are written until <see cref="Commit"/>.</summary>
    public string Temporary { get; }

    private bool Replace { get; }

    /// <summary>
    /// Checks the target and creates the temporary folder. Returns an error message instead when the target exists
    /// and <paramref name="force"/> is false, or the parent cannot be written.
    /// </summary>
    public static (RunFolder? Folder, string? Error) Prepare(string target, bool force)
    {
        string full = Path.GetFullPath(target);
        if (File.Exists(full))
        {
            return (null, $"'{target}' is a file; choose a folder for the run with --out");
        }

        bool exists = Directory.Exists(full);
        if (exists && !force)
        {
            return (null, $"the output folder '{target}' already exists; pass --force to replace it or choose another with --out");
        }

        string parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)) ?? full;
        string temporary = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar))}.tmp-{Environment.ProcessId}"));
        try
        {
            Directory.CreateDirectory(parent);
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, true);
            }

            TemporaryOutputs.Register(temporary);
            Directory.CreateDirectory(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot write into '{parent}': {e.Message}");
        }

        return (new RunFolder(full, temporary, exists), null);
    }

    /// <summary>The path of a file inside the (temporary) folder.</summary>
    public string PathOf(string file) => Path.Combine(Temporary, file);

    /// <summary>
    /// Whether the file system of the target has room for at least <paramref name="bytes"/>; an error message when it
    /// certainly has not, so that a full disk is reported before a long run rather than at its end.
    /// </summary>
    public string? CheckFreeSpace(long bytes)
    {
        long available;
        try
        {
            available = new DriveInfo(Temporary).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // Unknown (an unusual file system): the write itself reports a full disk.
        }

        return available >= bytes ? null : string.Create(CultureInfo.InvariantCulture,
            $"the file system of '{Target}' has {Megabytes(available)} free; this run writes at least {Megabytes(bytes)}: free some space, choose another folder with --out or ask fewer trials");
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:N1} MB");

    /// <summary>Moves the finished run into place, replacing an existing folder when that was allowed.</summary>
    public void Commit()
    {
        // Under the interruption lock: a Ctrl+C now either finds the run already in place or prevents the move.
        TemporaryOutputs.Publish([Temporary], () =>
        {
            if (Replace && Directory.Exists(Target))
            {
                string old = Temporary + ".old";
                Directory.Move(Target, old);
                Directory.Move(Temporary, Target);
                Directory.Delete(old, true);
            }
            else
            {
                Directory.Move(Temporary, Target);
            }
        });
        _committed = true;
    }

    /// <summary>Removes the temporary folder of a run that did not finish.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Temporary))
        {
            try
            {
                Directory.Delete(Temporary, true);
            }
            catch (IOException)
            {
                // Best effort: a leftover hidden temporary folder is harmless and never mistaken for a run.
            }
        }

        TemporaryOutputs.Forget(Temporary);
    }
}
