using System.Globalization;
using StemSimulator.Scenarios.Files;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// A single output file (<c>report --out</c>, <c>schema --out</c>, <c>power</c>'s table, <c>calibrate</c>'s tables):
/// checked before the work, written to a hidden temporary file beside the target and renamed over it, so the file
/// is whole or untouched. An existing file is replaced only with <c>--force</c> (or when it is stemsim's own, listed
/// in the marker of the folder it is in); devices, FIFOs, sockets and folders never; a symbolic link is replaced by
/// the new file, never written through.
/// </summary>
internal static class SingleFileOutput
{
    /// <summary>
    /// Why <paramref name="path"/> may not be written, or null when it may: checked before any work is done.
    /// </summary>
    /// <param name="path">The target as the user gave it.</param>
    /// <param name="force">Whether an existing file may be replaced.</param>
    /// <param name="option">The option that names the file, for the message ("--out").</param>
    public static string? Check(string path, bool force, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"the file name given with {option} is empty";
        }

        string full = Path.GetFullPath(path);
        if (Path.EndsInDirectorySeparator(path))
        {
            return $"'{path}' names a folder; give a file name with {option}";
        }

        var kind = FileKinds.Of(full, followLinks: false);
        var resolved = kind == FileKind.SymbolicLink ? FileKinds.Of(full) : kind;
        string link = kind == FileKind.SymbolicLink ? "a symbolic link to " : string.Empty;
        switch (resolved)
        {
            case FileKind.Folder:
                return $"'{path}' is {link}a folder; give a file name with {option}";
            case FileKind.Device or FileKind.Fifo or FileKind.Socket or FileKind.SymbolicLink:
                return $"'{path}' is {link}{FileKinds.Describe(resolved)}; stemsim writes only regular files: choose another with {option}";
        }

        string? folder = Path.GetDirectoryName(full);
        if (folder is null || FileKinds.Of(folder) != FileKind.Folder)
        {
            return $"the folder of '{path}' does not exist";
        }

        bool exists = kind != FileKind.Missing;
        if (exists && !force && !IsStemsimOwn(full))
        {
            return $"'{path}' already exists; pass --force to replace it or choose another file with {option}";
        }

        return null;
    }

    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file beside it, renamed over the target at the end (a link
    /// there is replaced, not followed). Throws <see cref="IOException"/> when it cannot be written.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        string temporary = TemporaryPath(path);
        StaleTemporaries.Remove(Path.GetFullPath(path));
        TemporaryOutputs.Register(temporary);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(stream).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            TemporaryOutputs.Publish([temporary], () => File.Move(temporary, path, overwrite: true));
            TemporaryOutputs.MarkCompleted(path);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            TemporaryOutputs.Forget(temporary);
        }
    }

    /// <summary>The hidden temporary beside <paramref name="path"/>: <c>.NAME.tmp-PID</c>.</summary>
    public static string TemporaryPath(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}"));
    }

    /// <summary>Whether the file is listed in the marker of its folder: stemsim wrote it, so it may rewrite it.</summary>
    private static bool IsStemsimOwn(string full) =>
        FileKinds.Of(full, followLinks: false) == FileKind.Regular
        && OutputMarker.ReadFiles(Path.GetDirectoryName(full)!) is { } own
        && own.Contains(Path.GetFileName(full));
}
