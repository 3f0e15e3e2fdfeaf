using System.Globalization;
using StemSimulator.Scenarios.Files;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// A run's output folder, written whole or not at all: files go into a hidden temporary folder beside the target,
/// which is renamed to the target only when everything is written. An existing target is replaced only when asked,
/// and only when it is a stemsim output holding nothing but stemsim's files (see <see cref="OutputMarker"/>).
/// </summary>
internal sealed class RunFolder : IDisposable
{
    private bool _committed;

    private RunFolder(string target, string temporary, bool replace, string command, string asGiven)
    {
        Target = target;
        Temporary = temporary;
        Replace = replace;
        _command = command;
        _asGiven = asGiven;
    }

    private readonly string _command;
    private readonly string _asGiven;

    /// <summary>The folder the run will appear as.</summary>
    public string Target { get; }

    /// <summary>Where files are written until <see cref="Commit"/>.</summary>
    public string Temporary { get; }

    private bool Replace { get; }

    /// <summary>
    /// Checks the target and creates the temporary folder. Returns an error message instead when the target is not a
    /// folder stemsim may write: a file, a link, a device; an existing folder without <paramref name="force"/>; with
    /// it, a folder that is not a stemsim output (no <see cref="OutputMarker"/>), that holds files stemsim did not
    /// write, or that must never be replaced (see <see cref="OutputFolderGuard"/>); or a parent that cannot be written.
    /// </summary>
    /// <param name="target">The output folder as the user gave it.</param>
    /// <param name="force">Whether an existing stemsim output folder may be replaced.</param>
    /// <param name="command">The command writing it, recorded in the marker ("run", "merge", "backtest", ...).</param>
    /// <param name="inputs">The files and folders the command reads: a folder holding one of them is never replaced.</param>
    public static (RunFolder? Folder, string? Error) Prepare(string target, bool force, string command = "run", IReadOnlyList<string>? inputs = null)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return (null, "the output folder name is empty; choose a folder with --out");
        }

        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var kind = FileKinds.Of(full, followLinks: false);
        if (kind == FileKind.SymbolicLink)
        {
            return (null, $"'{target}' is a symbolic link; stemsim does not write through links: give the folder itself with --out");
        }

        if (kind is not (FileKind.Missing or FileKind.Folder))
        {
            return (null, $"'{target}' is {FileKinds.Describe(kind)}; choose a folder for the output with --out");
        }

        bool exists = kind == FileKind.Folder;
        if (exists)
        {
            if (OutputFolderGuard.ProtectedReason(full, inputs ?? []) is { } reason)
            {
                return (null, $"stemsim will not write its output as '{target}': {reason}; choose another folder with --out");
            }

            if (!force)
            {
                return (null, $"the output folder '{target}' already exists; pass --force to replace it or choose another with --out");
            }

            if (ReplaceProblem(target, full) is { } problem)
            {
                return (null, problem);
            }
        }

        string parent = Path.GetDirectoryName(full) ?? full;
        string temporary = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}"));
        try
        {
            Directory.CreateDirectory(parent);
            StaleTemporaries.Remove(full);
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

        return (new RunFolder(full, temporary, exists, command, target), null);
    }

    /// <summary>Why the existing folder <paramref name="full"/> may not be replaced by <c>--force</c>, or null.</summary>
    private static string? ReplaceProblem(string target, string full)
    {
        var foreign = OutputMarker.ForeignFiles(full);
        if (foreign is null)
        {
            return $"--force will not replace '{target}': it is not a stemsim output folder (it has no {OutputMarker.FileName} that stemsim can read); remove it yourself or choose another folder with --out";
        }

        if (foreign.Count > 0)
        {
            const int shown = 10;
            string names = string.Join(", ", foreign.Take(shown).Select(f => $"'{f}'")) + (foreign.Count > shown ? $" and {foreign.Count - shown} more" : string.Empty);
            return $"--force will not replace '{target}': it holds files stemsim did not write ({names}); move them out of the folder or choose another with --out";
        }

        return null;
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
        OutputMarker.Write(Temporary, _command);
        TemporaryOutputs.Publish([Temporary], () =>
        {
            if (Replace && Directory.Exists(Target))
            {
                // Checked again: a file the user put into the folder while the command ran is not deleted either.
                if (ReplaceProblem(_asGiven, Target) is { } problem)
                {
                    throw new OutputRefusedException(problem);
                }

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
        TemporaryOutputs.MarkCompleted(_asGiven);
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
